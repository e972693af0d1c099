/**
 * Payloads for the channel fuzz test (fuzz-channels.test.ts), generated from each channel's input
 * schema as JSON Schema (`z.toJSONSchema`): valid-looking ones built from the ids and emails really
 * in the vault (some of them from another pilot), and the same with one hostile change at one place
 * (wrong types, 1 MB strings, NUL, RTL override, lone surrogates, prototype-named keys, odd numbers,
 * impossible dates, empty lists and objects, missing or extra keys, values only structured clone
 * can carry). Deterministic for a seed. Every payload comes with a description that names what
 * was done where, never the content, so a failure can be reported without echoing data.
 */
import type { Db } from '../../../electron/core/db/types';

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32, as electron/core/util/random.ts: the same sequence on every machine. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** What is in the vault, to aim payloads at real records (and at another pilot's). */
export interface World {
  pilots: number[];
  /** The two demo pilots with data: payloads are aimed at one and borrow ids from the other. */
  populated: [number, number];
  /** table → its rows' ids and the pilot each belongs to. */
  entities: Map<string, { id: number; pilotId: number }[]>;
  emails: { email: string; pilotId: number }[];
  /** meeting id → the two people of its pair (the only ones who may write its logs). */
  meetingPeople: Map<number, [number, number]>;
  audit: { seq: number; hash: string }[];
  today: string;
  passphrase: string;
  recoveryKey: string;
  /** Files staged by imports.stage (the latest few, as the core keeps them), so previews and imports reach real rows. */
  staged?: { id: string; headers: string[] }[];
}

const ENTITY_QUERIES: Record<string, string> = {
  pilots: 'SELECT id, id AS pilotId FROM pilots',
  participants: 'SELECT id, pilot_id AS pilotId FROM participants',
  pairs: 'SELECT id, pilot_id AS pilotId FROM pairs',
  meetings: 'SELECT id, pilot_id AS pilotId FROM meetings',
  themes: 'SELECT id, pilot_id AS pilotId FROM themes',
  milestones: 'SELECT id, pilot_id AS pilotId FROM milestones',
  consent_forms: 'SELECT id, pilot_id AS pilotId FROM consent_forms',
  consent_records: 'SELECT c.id, p.pilot_id AS pilotId FROM consent_records c JOIN participants p ON p.id = c.participant_id',
  focus_groups: 'SELECT id, pilot_id AS pilotId FROM focus_groups',
  findings: 'SELECT f.id, g.pilot_id AS pilotId FROM findings f JOIN focus_groups g ON g.id = f.focus_group_id',
  chemistry_meetings: 'SELECT id, pilot_id AS pilotId FROM chemistry_meetings',
  training_sessions: 'SELECT id, pilot_id AS pilotId FROM training_sessions',
  conflicts_of_interest: 'SELECT id, pilot_id AS pilotId FROM conflicts_of_interest',
  // Narrower pools, so that valid-looking payloads often pass the handlers' own checks too.
  mentors: "SELECT id, pilot_id AS pilotId FROM participants WHERE role = 'mentor'",
  mentees: "SELECT id, pilot_id AS pilotId FROM participants WHERE role = 'mentee'",
  held_meetings: "SELECT id, pilot_id AS pilotId FROM meetings WHERE status = 'held'",
  erasure_certificates: 'SELECT id, pilot_id AS pilotId FROM erasure_certificates',
  // The interview database, attached to a coordinator's connection.
  interviews: 'SELECT id, pilot_id AS pilotId FROM interviews.interviews',
  // Interviewers belong to no pilot: counted as the first pilot's, so payloads pick them often.
  interviewers: 'SELECT id, (SELECT min(id) FROM pilots) AS pilotId FROM interviews.interviewers',
};

export function readWorld(db: Db, populated: [number, number], secrets: { passphrase: string; recoveryKey: string }, today: string): World {
  const entities = new Map(Object.entries(ENTITY_QUERIES).map(([table, sql]) => [table, db.prepare(sql).all() as { id: number; pilotId: number }[]]));
  return {
    pilots: entities.get('pilots')!.map((p) => p.id),
    populated,
    entities,
    emails: db.prepare('SELECT email, pilot_id AS pilotId FROM participants').all() as World['emails'],
    meetingPeople: new Map(
      (db.prepare('SELECT m.id, p.mentor_id, p.mentee_id FROM meetings m JOIN pairs p ON p.id = m.pair_id').raw().all() as [number, number, number][]).map(([id, mentor, mentee]) => [id, [mentor, mentee]]),
    ),
    audit: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 30').all() as World['audit'],
    today,
    ...secrets,
  };
}

/** Which table an id field points into; `id` itself depends on the channel's feature. */
const ID_FIELDS: Record<string, string> = {
  pilotId: 'pilots',
  participantId: 'participants',
  participantIds: 'participants',
  mentorId: 'mentors',
  menteeId: 'mentees',
  authorId: 'participants',
  preferredIds: 'participants',
  attendeeIds: 'participants',
  pairId: 'pairs',
  meetingId: 'meetings',
  themeIds: 'themes',
  formId: 'consent_forms',
  focusGroupId: 'focus_groups',
  interviewId: 'interviews',
  interviewerId: 'interviewers',
};
const ID_OF_FEATURE: Record<string, string> = {
  pilots: 'pilots',
  themes: 'themes',
  milestones: 'milestones',
  consentForms: 'consent_forms',
  consent: 'consent_records',
  focusGroups: 'focus_groups',
  findings: 'findings',
  participants: 'participants',
  chemistry: 'chemistry_meetings',
  training: 'training_sessions',
  matching: 'conflicts_of_interest',
  pairs: 'pairs',
  meetings: 'meetings',
  erasure: 'erasure_certificates',
};

const MB = 1024 * 1024;
let hugeString: string | undefined;
/** ~1 MB of mixed text (built once): long enough to find a missing length limit. */
const huge = () => (hugeString ??= 'Belonging, ünïcödé & "quotes"; '.repeat(Math.ceil(MB / 30)).slice(0, MB));

/** Strings that are not what a form would send, by name (the name goes into the description). */
const HOSTILE_STRINGS: [string, () => string][] = [
  ['NUL characters', () => 'before\u0000after\u0000'],
  ['only a NUL', () => '\u0000'],
  ['RTL override', () => '\u202Etxt.exe\u202C name'],
  ['lone high surrogate', () => 'a\uD800b'],
  ['lone low surrogate', () => '\uDFFF'],
  ['zero-width and BOM characters', () => '\u200B\u200D\uFEFF'],
  ['only whitespace', () => ' \t\n\r '],
  ['empty string', () => ''],
  ['search hit markers', () => '\uE000x\uE001'],
  ['stacked combining marks', () => `e${'\u0301'.repeat(500)}`],
  ['SQL and FTS syntax', () => `'; DROP TABLE pilots; -- " NEAR(a b) * ^ OR AND : ( ) %_`],
  ['prototype names', () => '__proto__ constructor toString'],
  ['huge string (1 MB)', huge],
  ['64 KB of one letter', () => 'x'.repeat(64 * 1024)],
];

const TEXTS = [
  'Belonging on campus',
  'Reverse mentoring (demo)',
  "O'Brien, Siobhán",
  'Ελληνικά και ελληνικά',
  '日本語のテキスト',
  'Teaching 🙂👩🏽‍🏫 together',
  'Short',
  '  padded with spaces  ',
  'Line one\nline two',
  '=HYPERLINK("http://example.com")',
  '<b>bold</b> & <script>x</script>',
  'a',
];

const DATES_ODD = ['2026-02-30', '2025-02-29', '2024-02-29', '1900-01-01', '2099-12-31', '0000-01-01', '1000-01-01', '9999-12-31', '9999-12-01', '2026-13-01', '2026-00-10', '2026-1-1'];
const NUMBERS_ODD: [string, unknown][] = [
  ['-1', -1],
  ['zero', 0],
  ['negative zero', -0],
  ['fraction', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['2^53 + 2', 2 ** 53 + 2],
  ['MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
  ['-2^31', -(2 ** 31)],
  ['1e308', 1e308],
  ['a number as a string', '1'],
];

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
};

interface Ctx {
  rng: Rng;
  world: World;
  channel: string;
  home: number;
  foreign: number;
  /** Headings of the CSV generated in this payload, for its `mapping`. */
  headers: string[];
  notes: string[];
}

export interface Payload {
  input: unknown;
  description: string;
}

/** One payload for a channel: valid-looking (about a third), or valid-looking with one hostile change, or hostile as a whole. */
export function makePayload(channel: string, schema: Schema, world: World, rng: Rng): Payload {
  const [a, b] = rng.chance(0.5) ? world.populated : ([world.populated[1], world.populated[0]] as const);
  const home = rng.chance(0.92) ? a : rng.pick(world.pilots);
  const ctx: Ctx = { rng, world, channel, home, foreign: b, headers: [], notes: [] };
  const roll = rng.next();
  if (roll < 0.05) {
    const [what, input] = rng.pick(WHOLE_HOSTILE)();
    return { input, description: `whole input: ${what}` };
  }
  const input = generate(schema, '', ctx);
  const base = `valid-looking${home === a ? '' : ' for a pilot without data'}${ctx.notes.length ? ` (${ctx.notes.join('; ')})` : ''}`;
  if (roll < 0.38) return { input, description: base };
  const change = mutate(input, ctx);
  return { input: change.input, description: `${base}; ${change.where}: ${change.what}` };
}

const WHOLE_HOSTILE: (() => [string, unknown])[] = [
  () => ['undefined', undefined],
  () => ['null', null],
  () => ['an array', []],
  () => ['a string', 'pilots'],
  () => ['a number', 42],
  () => ['a Map', new Map([['id', 1]])],
  () => ['an own __proto__ key', JSON.parse('{"__proto__": {"id": 1, "pilotId": 1}, "constructor": {"prototype": {"x": 1}}}')],
  () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    return ['5000 levels of nesting', deep];
  },
];

function generate(schema: Schema, key: string, ctx: Ctx): unknown {
  const { rng } = ctx;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const nonNull = branches.filter((s) => s.type !== 'null');
    return generate(nonNull.length > 0 && rng.chance(0.85) ? rng.pick(nonNull) : rng.pick(branches), key, ctx);
  }
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'object':
      return object(schema, key, ctx);
    case 'array': {
      const max = Math.min(schema.maxItems ?? 4, 4);
      const length = rng.int(Math.min(schema.minItems ?? 0, max), max);
      return Array.from({ length }, () => generate(schema.items ?? {}, key, ctx));
    }
    case 'string':
      return string(schema, key, ctx);
    case 'integer':
      return integer(schema, key, ctx);
    case 'number': {
      const lo = schema.minimum ?? 0;
      const hi = schema.maximum ?? 100;
      return rng.pick([lo, hi, lo + (hi - lo) * rng.next()]);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return rng.pick(TEXTS);
  }
}

function object(schema: Schema, key: string, ctx: Ctx): Record<string, unknown> {
  const { rng } = ctx;
  const result: Record<string, unknown> = {};
  if (schema.properties) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (schema.required?.includes(name) || rng.chance(0.6)) result[name] = generate(property, name, ctx);
    }
    // A log's author is mostly one of the meeting's two people, so the handler gets past that check.
    const people = typeof result.meetingId === 'number' ? ctx.world.meetingPeople.get(result.meetingId) : undefined;
    if (people && typeof result.authorId === 'number' && rng.chance(0.8)) result.authorId = rng.pick(people);
    return result;
  }
  // A record (header → field): keys from the CSV of this payload, sometimes prototype names.
  const valueSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
  const keys = key === 'mapping' ? ctx.headers.filter(() => rng.chance(0.75)) : [rng.pick(TEXTS)];
  if (rng.chance(0.25)) keys.push(rng.pick(['constructor', 'toString', 'hasOwnProperty', 'valueOf']));
  const allowed = valueSchema.anyOf?.flatMap((s) => s.enum ?? (s.const !== undefined ? [s.const] : [])) ?? valueSchema.enum ?? [];
  for (const k of keys) {
    // Mostly the heading's own field (when the channel has it), so that some imports go through.
    const own = HEADING_FIELD[k];
    result[k] = own !== undefined && allowed.includes(own) && rng.chance(0.85) ? own : generate(valueSchema, '', ctx);
  }
  return result;
}

function string(schema: Schema, key: string, ctx: Ctx): string {
  const { rng, world } = ctx;
  const fit = (text: string) => {
    let s = schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
    if (schema.minLength !== undefined && s.trim().length < schema.minLength) s = `${s}${'x'.repeat(schema.minLength)}`;
    return s;
  };
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return rng.chance(0.85) ? shiftDate(world.today, rng.int(-200, 300)) : rng.pick(DATES_ODD);
  if (schema.pattern?.startsWith('^([01]')) return rng.pick(['00:00', '09:30', '12:00', '17:45', '23:59']);
  if (schema.pattern === '^[0-9a-f]{64}$') return rng.chance(0.6) && world.audit.length ? rng.pick(world.audit).hash : '0'.repeat(63) + rng.pick(['0', 'f']);
  switch (key) {
    case 'base64':
      return csvBase64(ctx);
    case 'stagedId': {
      const staged = world.staged ?? [];
      if (staged.length > 0 && rng.chance(0.85)) {
        const file = rng.pick(staged);
        ctx.headers = file.headers; // the mapping that follows names this file's columns
        return file.id;
      }
      ctx.notes.push('stagedId: not staged');
      return fit(rng.pick(['00000000-0000-4000-8000-000000000000', 'not-an-id', '__proto__']));
    }
    case 'email': {
      const own = world.emails.filter((e) => e.pilotId === ctx.home);
      const other = world.emails.filter((e) => e.pilotId === ctx.foreign);
      const r = rng.next();
      if (r < 0.3 && own.length) return rng.pick(own).email;
      if (r < 0.45 && other.length) return rng.pick(other).email.toUpperCase();
      if (r < 0.9) return `fuzz.${rng.int(1, 1e6)}@example.ac.uk`;
      return rng.pick(['not-an-email', 'a@b', '@example.ac.uk', 'x@example.ac.uk\u0000']);
    }
    case 'passphrase':
    case 'next':
      return rng.pick([world.passphrase, world.passphrase, 'quartz meadow lantern violet harbour', 'password', fit(rng.pick(TEXTS))]);
    case 'recoveryKey':
      return rng.pick([world.recoveryKey, world.recoveryKey.toLowerCase().replace(/-/g, ' '), 'ABCD-1234-ABCD-1234-ABCD-1234-ABCD-1234', 'not a key']);
    case 'timeZone':
      return rng.pick(['Europe/London', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Mars/Olympus_Mons', 'Etc/GMT+14', 'europe/london']);
    case 'query':
    case 'search': {
      const text = fit(rng.pick(['belonging', 'campus', 'label*', '"', 'a OR b', 'NEAR(x y)', '^start', 'col:term', '-', '*', 'e-mail', 'self(label)', '100%', '_', 'belonging\u0000campus', '\u0000campus', 'Ünïcode', '\u202Ebelonging', 'a\uD800b']));
      if (text.includes('\u0000') || text.includes('\u202E') || text.includes('\uD800')) ctx.notes.push(`${key}: NUL, RTL override or a lone surrogate`);
      return text;
    }
    default:
      if (rng.chance(0.2)) {
        const [what, make] = rng.pick(HOSTILE_STRINGS.filter(([what]) => !what.startsWith('huge') && !what.startsWith('64 KB')));
        ctx.notes.push(`${key || 'a string'}: ${what}`);
        return fit(make());
      }
      return fit(rng.pick(TEXTS));
  }
}

function integer(schema: Schema, key: string, ctx: Ctx): number {
  const { rng, world } = ctx;
  const table = key === 'id' ? ID_OF_FEATURE[ctx.channel.split('.')[0]!] : ID_FIELDS[key];
  if (key === 'pilotId') return ctx.home;
  if (table) {
    const narrowed = key === 'meetingId' && ctx.channel.startsWith('logs.') && rng.chance(0.8) ? 'held_meetings' : table;
    const rows = world.entities.get(narrowed) ?? [];
    const own = rows.filter((e) => e.pilotId === ctx.home);
    const other = rows.filter((e) => e.pilotId === ctx.foreign);
    const r = rng.next();
    if (r < 0.72 && own.length) return rng.pick(own).id;
    if (r < 0.9 && other.length) {
      if (!ctx.notes.includes('ids of another pilot')) ctx.notes.push('ids of another pilot');
      return rng.pick(other).id;
    }
    if (r < 0.96 && rows.length) return rng.pick(rows).id;
    ctx.notes.push(`${key}: no such record`);
    return rng.pick([Math.max(0, ...rows.map((e) => e.id)) + 1, 999_999, Number.MAX_SAFE_INTEGER]);
  }
  if (key === 'seq' || key === 'beforeSeq') return rng.chance(0.8) && world.audit.length ? rng.pick(world.audit).seq : rng.pick([1, Number.MAX_SAFE_INTEGER]);
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  const hi = Math.min(schema.maximum ?? lo + 100, lo + 1000);
  return rng.pick([lo, hi, rng.int(lo, hi)]);
}

function shiftDate(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const EOI_HEADINGS = ['Timestamp', 'Your name', 'Email address', 'Are you a student or a member of staff?', 'School or department', 'Year of study / job title', 'I identify as (optional)', 'Topics you would like to discuss', 'When are you available?', 'Anything else?'];
const LOG_HEADINGS = ['Timestamp', 'Email address', 'Partner email', 'Which meeting?', 'Description', 'Feelings', 'Evaluation', 'Analysis', 'Conclusion', 'Action plan'];
/** The field each heading above means, for a mapping that mostly says the right thing. */
const HEADING_FIELD: Record<string, string> = {
  'Your name': 'name',
  'Email address': 'email',
  'Are you a student or a member of staff?': 'role',
  'School or department': 'department',
  'Year of study / job title': 'level',
  'I identify as (optional)': 'characteristics',
  'Topics you would like to discuss': 'topics',
  'When are you available?': 'availability',
  'Anything else?': 'notes',
  'Partner email': 'partnerEmail',
  'Which meeting?': 'meeting',
  Description: 'description',
  Feelings: 'feelings',
  Evaluation: 'evaluation',
  Analysis: 'analysis',
  Conclusion: 'conclusion',
  'Action plan': 'actionPlan',
};
const ODD_HEADINGS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '', '   ', 'Email address', 'Na\u0000me', '\u202EEmail', '"quoted, heading"', '=cmd|calc'];

/** A CSV file as a forms tool or a hostile sender might produce it, base64-encoded; its headings go into ctx for the mapping. */
function csvBase64(ctx: Ctx): string {
  const { rng, world } = ctx;
  const pool = ctx.channel.startsWith('logs.') ? LOG_HEADINGS : EOI_HEADINGS;
  const headers = rng.shuffle([...pool]).slice(0, rng.int(2, pool.length));
  if (rng.chance(0.5)) {
    // Most odd headings are Object.prototype names: a mapping keyed by headings meets them there.
    const odd = rng.chance(0.6) ? rng.pick(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) : rng.pick(ODD_HEADINGS);
    headers.splice(rng.int(0, headers.length), 0, odd);
    ctx.notes.push('csv with an odd heading');
  }
  ctx.headers = headers;
  const cell = (header: string): string => {
    const h = header.toLowerCase();
    if (rng.chance(0.06)) return rng.pick(['\u0000', '"unbalanced', '\u202Eevil', 'x'.repeat(30_000), 'a\uD800']);
    if (h.includes('mail')) {
      const own = world.emails.filter((e) => e.pilotId === ctx.home);
      const other = world.emails.filter((e) => e.pilotId === ctx.foreign);
      // Logs are written by people already in the pilot; expressions of interest come from new people.
      const [pOwn, pOther] = ctx.channel.startsWith('logs.') ? [0.6, 0.15] : [0.08, 0.07];
      const r = rng.next();
      if (r < pOwn && own.length) return rng.pick(own).email;
      if (r < pOwn + pOther && other.length) return rng.pick(other).email;
      return `fuzz.${rng.int(1, 1e9)}@example.ac.uk`;
    }
    if (h.includes('student') || h.includes('role')) return rng.pick(['Student', 'Staff', 'mentor', 'mentee', 'Other', '']);
    if (h.includes('meeting')) return rng.pick(['1', '2', 'Meeting 3', '0', '-1', '1.5', '99', '1e3', '']);
    if (h.includes('avail')) return rng.pick(['Monday morning', 'mon am; Tue-PM', 'constructor constructor', 'Someday', '']);
    if (h.includes('name')) return rng.pick(['Amara Nwosu', "O'Brien, Siobhán", '', 'Ωμέγα']);
    return rng.pick(TEXTS);
  };
  const delimiter = rng.pick([',', ',', ';', '\t']);
  const quote = (value: string) => (rng.chance(0.97) && /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [headers, ...Array.from({ length: rng.int(0, 6) }, () => headers.map(cell))].map((row) => row.map(quote).join(delimiter));
  const text = lines.join(rng.pick(['\n', '\r\n']));
  const r = rng.next();
  let bytes: Buffer;
  if (r < 0.74) bytes = Buffer.from(text, 'utf8');
  else if (r < 0.8) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else if (r < 0.85) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (r < 0.9) bytes = Buffer.from(text, 'latin1');
  else if (r < 0.93) bytes = Buffer.from(Array.from({ length: 300 }, () => rng.int(0, 255)));
  else if (r < 0.95) bytes = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from(text)]);
  else if (r < 0.97) bytes = Buffer.alloc(0);
  else if (r < 0.985) return '!!not base64 at all!!';
  else bytes = Buffer.from(`${lines[0]}\n${`${headers.map(() => 'x'.repeat(40)).join(delimiter)}\n`.repeat(Math.ceil(MB / (headers.length * 41)))}`);
  ctx.notes.push(`csv of ${bytes.length} bytes`);
  return bytes.toString('base64');
}

interface Change {
  input: unknown;
  where: string;
  what: string;
}

/** Makes one hostile change at one place of a valid-looking payload (or of its root). */
function mutate(input: unknown, ctx: Ctx): Change {
  const { rng } = ctx;
  const places: { path: (string | number)[]; value: unknown }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    places.push({ path, value });
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(input, []);
  const place = places.length > 1 && rng.chance(0.85) ? rng.pick(places.slice(1)) : places[0]!;
  const key = String(place.path.at(-1) ?? '');
  const [what, replacement] = hostileFor(place.value, key, ctx);
  const where = place.path.length ? place.path.join('.') : '(input)';
  if (place.path.length === 0) return { input: replacement === DELETE ? {} : replacement, where, what };
  const parent = place.path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], input) as Record<string | number, unknown>;
  const last = place.path.at(-1)!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return { input, where, what };
}

const DELETE = Symbol('delete');

function hostileFor(value: unknown, key: string, ctx: Ctx): [string, unknown] {
  const { rng, world } = ctx;
  const wrongType: [string, unknown][] = [
    ['wrong type: null', null],
    ['wrong type: boolean', true],
    ['wrong type: number', 7],
    ['wrong type: string', 'seven'],
    ['wrong type: empty array', []],
    ['wrong type: empty object', {}],
    ['structured-clone value: Date', new Date(0)],
    ['structured-clone value: BigInt', 1n],
    ['structured-clone value: Uint8Array', new Uint8Array([1, 2, 3])],
    ['removed', DELETE],
  ];
  const options: [string, unknown][] = [];
  if (typeof value === 'string') {
    for (const [what, make] of HOSTILE_STRINGS) options.push([what, make()]);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) for (const date of DATES_ODD) options.push([`odd date ${date}`, date], [`odd date ${date}`, date]);
  } else if (typeof value === 'number') {
    options.push(...NUMBERS_ODD);
    const table = key === 'id' ? ID_OF_FEATURE[ctx.channel.split('.')[0]!] : ID_FIELDS[key];
    const other = table ? (world.entities.get(table) ?? []).filter((e) => e.pilotId === ctx.foreign) : [];
    if (other.length) for (let i = 0; i < 4; i++) options.push(['id of another pilot', rng.pick(other).id]);
  } else if (Array.isArray(value)) {
    options.push(['empty array', []], ['the first item 3 times', value.length ? [value[0], value[0], value[0]] : [1, 1, 1]], ['10,000 items', Array.from({ length: 10_000 }, (_, i) => value[i % Math.max(1, value.length)] ?? i)], ['an array with a hole', [, ...value]]); // eslint-disable-line no-sparse-arrays
  } else if (value !== null && typeof value === 'object') {
    const withKeys = (extra: Record<string, unknown>) => {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
      return copy;
    };
    options.push(
      ['empty object', {}],
      ['own __proto__ key', withKeys(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>)],
      ['constructor and toString keys', withKeys({ constructor: { prototype: { polluted: true } }, toString: 'x' })],
      ['an unknown extra key', withKeys({ unexpected: 1 })],
      ['a Map instead', new Map(Object.entries(value))],
    );
  } else if (typeof value === 'boolean') {
    options.push(['a boolean as a string', String(value)], ['a boolean as a number', value ? 1 : 0]);
  }
  // Mostly changes of the same type (they reach the handlers); sometimes of another type.
  return options.length > 0 && rng.chance(0.7) ? rng.pick(options) : rng.pick(wrongType);
}

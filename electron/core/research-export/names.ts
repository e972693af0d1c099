/**
 * Names in free text, replaced with a marked stand-in (UK Data Service: consistent, clearly marked,
 * a log of what was replaced kept by the data holder). The vault's own register is the gazetteer:
 * every person's full name and every run of its words (first name, surname, multi-word and
 * hyphenated surnames and their parts), and the names of staff in the plan. Nothing else is
 * guessed at — name-recognition libraries miss most names that are not Anglo, and guessing hides
 * ordinary words.
 *
 * Matching is accent- and case-insensitive ("jose" finds José), on word boundaries (a name inside
 * another word is left alone, "Amara's" keeps its "'s"), longest name first ("Amara Okafor" is one
 * replacement, not two). Names that are also everyday words ("Will", "Grace", "Rose") are replaced
 * only where written with a capital, so "I will" stays "I will". Names in scripts written without
 * spaces (Chinese, Japanese) are found anywhere in the text, since those scripts have no word
 * boundaries to find.
 *
 * One trie over every name form, walked once per word start: the cost grows with the text, not with
 * the number of names (20,000 logs against 5,000 people's names in well under a second).
 */

export interface NamedEntry {
  /** Who this is (a participant id, or a staff key): what a name resolves to. */
  key: string;
  /** Their full names as written in the register (a preferred name too, where there is one). */
  names: readonly string[];
  /** What replaces any of their names, e.g. "[P-7K3Q-X2PD]". */
  marker: string;
  /** Look only for the names as written, not their parts (a service named in the plan: "Student Wellbeing Service"). */
  wholeOnly?: boolean;
}

export interface ReplaceOptions {
  /** People this text most likely speaks of (a log's author's partners): a first name two people share resolves to the one of them here. */
  prefer?: ReadonlySet<string>;
  /** Called for each replacement: the words as found in the text, and the marker that replaced them. */
  onReplace?: (found: string, marker: string, keys: readonly string[]) => void;
}

export interface NameReplacer {
  replace(text: string, options?: ReplaceOptions): string;
  /** How many name forms the gazetteer holds. */
  readonly forms: number;
}

/** Words that join a surname and are never a name on their own. */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'el', 'al', 'bin', 'binti', 'bint', 'ibn', 'ben', 'ter', 'ten', 'y', 'e', 'ni', 'nic', 'mac', 'ap', 'st']);

/** Titles written before a name in the register ("Dr Ruth Mensah"): kept in the text, not part of the name. */
const TITLES = new Set(['dr', 'dr.', 'prof', 'prof.', 'professor', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'mx', 'mx.', 'miss', 'sir', 'dame', 'rev', 'rev.']);

/** Given names and surnames that are everyday English words: replaced only where written with a capital. */
const EVERYDAY_WORDS = new Set(
  (
    'will grace rose may june hope faith joy mark bill frank sunny summer autumn dawn iris ivy lily amber ruby pearl sky river rob pat sue don ' +
    'art guy young white brown green black long little king bell hall wood hill moon star bob drew chase hunter grant miles major lane page ' +
    'ray reed rich sage penny hazel honey heather holly melody destiny ash jack peter august april an can said say long lee cook baker ' +
    'mason porter price fisher fox glass hope lord love noble bird rain stone summers wells west north may'
  ).split(' '),
);

/** At most this many codes are listed for a name people share ("[P-A or P-B or P-C]"). */
const MAX_LISTED = 3;

/** Han, Hiragana, Katakana: scripts without spaces between words. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const SPECIAL_FOLDS: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', '’': "'", '‘': "'", ʼ: "'", '‐': '-', '‑': '-' };

/** One character as the matcher compares it: no accents, lower case. */
function foldChar(char: string): string {
  const special = SPECIAL_FOLDS[char];
  if (special !== undefined) return special;
  if (/\s/.test(char)) return ' ';
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const nonAsciiFolds = new Map<string, string>();
const foldedNonAscii = (char: string): string => {
  let folded = nonAsciiFolds.get(char);
  if (folded === undefined) nonAsciiFolds.set(char, (folded = foldChar(char)));
  return folded;
};

/** A name form as the trie keys it: folded, single spaces. */
export function foldName(name: string): string {
  let out = '';
  for (const char of name.trim()) out += foldChar(char);
  return out.replace(/ +/g, ' ');
}

/** The text folded for matching, with each folded character's position in the original. Plain ASCII (most text) folds in one step. */
function foldText(text: string): { folded: string; origin: Int32Array | undefined } {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return { folded: text.toLowerCase(), origin: undefined };
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    // ASCII needs no table: lower case, and every kind of space is a space.
    const piece = code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 9 || code === 10 || code === 13 ? ' ' : char) : foldedNonAscii(char);
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin: Int32Array.from(origin) };
}

const isWordCode = (code: number, folded: string, at: number): boolean => {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(folded[at]!);
};
const isSpaceCode = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

interface Terminal {
  keys: string[];
  /** Everyday words: only with a capital first letter in the text. */
  needsCapital: boolean;
  /** Found anywhere, not only between word boundaries. */
  unspaced: boolean;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  terminal?: Terminal;
}

/** Every form of a full name to look for: the whole, each run of its words, and the parts of hyphenated words. */
export function nameForms(fullName: string): string[] {
  const words = foldName(fullName).split(' ').filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  const forms = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      const run = words.slice(start, end);
      if (run.every((word) => PARTICLES.has(word))) continue;
      // A run may not start or end on a particle unless it is the whole surname after it ("van der Berg" yes, "Berg van" no).
      if (PARTICLES.has(run[run.length - 1]!)) continue;
      forms.add(run.join(' '));
    }
  }
  for (const word of words) {
    if (!word.includes('-')) continue;
    for (const part of word.split('-')) if (part && !PARTICLES.has(part)) forms.add(part);
  }
  // A single letter ("J") is an initial and a number is not a name: neither is looked for in prose (unspaced scripts aside).
  return [...forms].filter((form) => (UNSPACED.test(form) || !/^\p{L}\.?$/u.test(form)) && /\p{L}/u.test(form));
}

export function nameReplacer(entries: readonly NamedEntry[]): NameReplacer {
  const root: TrieNode = { next: new Map() };
  const markers = new Map<string, string>();
  let forms = 0;
  let anyUnspaced = false;
  for (const entry of entries) {
    markers.set(entry.key, entry.marker);
    for (const fullName of entry.names) {
      for (const form of entry.wholeOnly ? [foldName(fullName)].filter(Boolean) : nameForms(fullName)) {
        let node = root;
        for (let i = 0; i < form.length; i++) {
          const code = form.charCodeAt(i);
          let child = node.next.get(code);
          if (!child) node.next.set(code, (child = { next: new Map() }));
          node = child;
        }
        if (!node.terminal) {
          forms++;
          const unspaced = UNSPACED.test(form);
          anyUnspaced ||= unspaced;
          node.terminal = { keys: [], needsCapital: EVERYDAY_WORDS.has(form), unspaced };
        }
        if (!node.terminal.keys.includes(entry.key)) node.terminal.keys.push(entry.key);
      }
    }
  }

  /** The marker for a name some people share: the one this text speaks of, else all of them. */
  const markerFor = (keys: readonly string[], prefer: ReadonlySet<string> | undefined): string => {
    if (keys.length === 1) return markers.get(keys[0]!)!;
    const preferred = prefer ? keys.filter((key) => prefer.has(key)) : [];
    if (preferred.length === 1) return markers.get(preferred[0]!)!;
    const distinct = [...new Set(keys.map((key) => markers.get(key)!))];
    if (distinct.length === 1) return distinct[0]!;
    // A name many people share says little about who is meant: listing every code would not help a reader.
    if (distinct.length > MAX_LISTED) return `[one of ${distinct.length} participants]`;
    return `[${distinct.map((marker) => marker.slice(1, -1)).join(' or ')}]`;
  };

  function replace(text: string, options: ReplaceOptions = {}): string {
    if (forms === 0 || text.length === 0) return text;
    const { folded, origin } = foldText(text);
    const at = (foldedIndex: number) => (origin ? origin[foldedIndex]! : foldedIndex);
    let out = '';
    let copiedUpTo = 0; // in the original text
    let i = 0;
    const length = folded.length;
    while (i < length) {
      const code = folded.charCodeAt(i);
      const wordStart = i === 0 || !isWordCode(folded.charCodeAt(i - 1), folded, i - 1);
      if (!(wordStart || (anyUnspaced && code >= 0x3040)) || !root.next.has(code)) {
        i++;
        continue;
      }
      // Walk the trie as far as the text follows it; keep the longest name that ends where a name may end.
      let node: TrieNode | undefined = root;
      let j = i;
      let best: { end: number; terminal: Terminal } | undefined;
      while (node && j <= length) {
        const terminal = node.terminal;
        if (terminal && j > i) {
          const endsWord = j === length || !isWordCode(folded.charCodeAt(j), folded, j);
          if ((terminal.unspaced || (wordStart && endsWord)) && (!terminal.needsCapital || isCapital(text, at(i)))) best = { end: j, terminal };
        }
        if (j === length) break;
        const next = folded.charCodeAt(j);
        if (isSpaceCode(next)) {
          node = node.next.get(32);
          j++;
          while (j < length && isSpaceCode(folded.charCodeAt(j))) j++;
        } else {
          node = node.next.get(next);
          j++;
        }
      }
      if (!best) {
        i++;
        continue;
      }
      const start = at(i);
      const end = at(best.end);
      const marker = markerFor(best.terminal.keys, options.prefer);
      options.onReplace?.(text.slice(start, end), marker, best.terminal.keys);
      out += text.slice(copiedUpTo, start) + marker;
      copiedUpTo = end;
      i = best.end;
    }
    return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
  }

  return { replace, forms };
}

const NOT_A_PERSON = /\b(service|services|team|office|centre|center|unit|line|desk|lead|leads|scheme|student|students|university|helpline|department|school|support|wellbeing|advice|hub|group|union|security|counselling|chaplaincy|network|coordinator|officer|staff|college|faculty|library|registry)\b|[()\d@/&]/i;

/** Whether a name from the plan looks like a person's ("Dr Ruth Mensah") rather than a service's ("Student Wellbeing Service (demo)"): only a person's name is looked for in parts too. */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 5 && !NOT_A_PERSON.test(name) && words.every((word) => /^\p{Lu}/u.test(word));
}

function isCapital(text: string, index: number): boolean {
  const char = String.fromCodePoint(text.codePointAt(index)!);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

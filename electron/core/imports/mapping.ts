import type { ColumnExamples, RowError } from '../../../shared/imports/contract';

/**
 * Column mappings are keyed by a file's headings, which anyone can write: a column may be named
 * "constructor", "toString" or "__proto__". So a mapping is only ever read through its own keys
 * (`fieldOf`) and built with `Object.fromEntries` (which defines "__proto__" as a plain key instead of
 * calling the prototype setter); never `h in mapping` or `mapping[h] = …` on a `{}`.
 */
export type Mapping<F extends string> = Record<string, F | ''>;

/** The field a heading is mapped to, or undefined when the mapping does not name that heading. */
export function fieldOf<F extends string>(mapping: Readonly<Mapping<F>> | undefined, header: string): F | '' | undefined {
  return mapping !== undefined && Object.hasOwn(mapping, header) ? mapping[header] : undefined;
}

/** Keeps only the entries whose field is one of `fields` (or '' to ignore the column), e.g. from a mapping saved by an older version. */
export function onlyKnownFields<F extends string>(value: unknown, fields: readonly F[]): Mapping<F> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const known = new Set<string>(fields);
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, F | ''] => entry[1] === '' || (typeof entry[1] === 'string' && known.has(entry[1]))));
}

/** How a kind of import recognises its fields among a file's columns. */
export interface GuessRules<F extends string> {
  /** When one heading fits several fields, the first of these takes it. */
  order: readonly F[];
  /** Words in a heading (lower case, spaces normalised) that give the field away. */
  clues: Record<F, RegExp>;
  /**
   * Headings that fit only when no other heading does: Microsoft Forms adds its own "Name" and
   * "Email" columns (the respondent's account, or "anonymous") beside the form's own questions.
   */
  weak?: Partial<Record<F, RegExp>>;
  /** What a value of the field looks like: a column whose examples all fail it is not guessed for the field. */
  looksLike?: Partial<Record<F, (value: string) => boolean>>;
}

const normalHeading = (header: string) => header.toLowerCase().replace(/[_\s]+/g, ' ').trim();

/**
 * Guesses which column holds which field: a heading that fits a field's clue strongly beats one that
 * fits weakly; among equals, the earlier heading wins, and a heading fitting several fields takes the
 * first in `order`. Each field goes to one heading at most, each heading to one field at most.
 */
export function guessColumns<F extends string>(columns: readonly ColumnExamples[], rules: GuessRules<F>): Mapping<F> {
  const candidates: { column: number; field: F; rank: number; strong: boolean }[] = [];
  columns.forEach(({ header, examples }, column) => {
    const heading = normalHeading(header);
    rules.order.forEach((field, rank) => {
      if (!rules.clues[field].test(heading)) return;
      const fits = rules.looksLike?.[field];
      if (fits && examples.length > 0 && !examples.some(fits)) return;
      candidates.push({ column, field, rank, strong: !rules.weak?.[field]?.test(heading) });
    });
  });
  candidates.sort((a, b) => Number(b.strong) - Number(a.strong) || a.column - b.column || a.rank - b.rank);
  const chosen = new Map<number, F>();
  const taken = new Set<F>();
  for (const { column, field } of candidates) {
    if (chosen.has(column) || taken.has(field)) continue;
    chosen.set(column, field);
    taken.add(field);
  }
  return Object.fromEntries(columns.map(({ header }, column) => [header, chosen.get(column) ?? '']));
}

/** A remembered mapping applied to the headings it knows (by their text, so a renamed copy of a file keeps it); the rest guessed. */
export function mergeMapping<F extends string>(headers: string[], remembered: Mapping<F> | undefined, guessed: Mapping<F>): { mapping: Mapping<F>; remembered: boolean } {
  const known = headers.filter((h) => fieldOf(remembered, h) !== undefined);
  if (known.length === 0) return { mapping: guessed, remembered: false };
  const used = new Set(known.map((h) => fieldOf(remembered, h)).filter(Boolean));
  const guess = (h: string) => fieldOf(guessed, h) ?? '';
  const mapping: Mapping<F> = Object.fromEntries(headers.map((h) => [h, fieldOf(remembered, h) ?? (used.has(guess(h)) ? '' : guess(h))]));
  return { mapping, remembered: true };
}

/** The mapping a caller asked for, over the file's headings: a heading it does not name is ignored. */
export function requestedColumns<F extends string>(headers: string[], requested: Readonly<Mapping<F>>): Mapping<F> {
  return Object.fromEntries(headers.map((h) => [h, fieldOf(requested, h) ?? '']));
}

/** For each field, the index of the first column mapped to it. */
export function columnsByField<F extends string>(headers: string[], mapping: Readonly<Mapping<F>>): Map<F, number> {
  const columnOf = new Map<F, number>();
  headers.forEach((h, i) => {
    const field = fieldOf(mapping, h);
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });
  return columnOf;
}

/** Two columns mapped to the same field would silently drop one of them. */
export function doubleMappings<F extends string>(mapping: Mapping<F>, label: (f: F) => string): RowError[] {
  const byField = new Map<F, string[]>();
  for (const [header, field] of Object.entries(mapping)) if (field) byField.set(field, [...(byField.get(field) ?? []), header]);
  return [...byField.entries()]
    .filter(([, headers]) => headers.length > 1)
    .map(([field, headers]) => ({ row: 1, column: headers.join(', '), message: `${headers.length} columns are mapped to ${label(field)}; map only one` }));
}

/**
 * Applies the columns someone named (on the command line) over the guessed or remembered mapping:
 * only the named headings change, and a field they claim is taken off any other heading.
 */
export function overrideMapping<F extends string>(headers: string[], base: Mapping<F>, named: Mapping<F>): Mapping<F> {
  const unknown = Object.keys(named).filter((h) => !headers.includes(h));
  if (unknown.length > 0) {
    throw new Error(`--map: the file has no column ${unknown.map((h) => `"${h}"`).join(', ')}. Its columns are: ${headers.map((h) => `"${h}"`).join(', ')}.`);
  }
  const claimed = new Set(Object.values(named).filter(Boolean));
  return Object.fromEntries(
    headers.map((h) => {
      const asNamed = fieldOf(named, h);
      const before = fieldOf(base, h) ?? '';
      return [h, asNamed ?? (claimed.has(before) ? '' : before)];
    }),
  );
}

// A pair ends at the comma right after "=word" (or a bare "="), so headings may contain commas.
const PAIR_END = /(?<==\s*\w*\s*),/;

/** Parses --map 'Header=field,Other header=field' from the command line, for a kind's fields. */
export function parseMapArgument<F extends string>(text: string, fields: readonly F[]): Mapping<F> {
  const mapping = new Map<string, F | ''>();
  for (const pair of text.split(PAIR_END)) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new Error(`--map expects Header=field pairs separated by commas; "${pair}" has no "=".`);
    const header = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (field !== '' && !(fields as readonly string[]).includes(field)) {
      throw new Error(`--map: "${field}" is not a field; use one of ${fields.join(', ')} (or nothing to ignore a column).`);
    }
    mapping.set(header, field as F | '');
  }
  return Object.fromEntries(mapping);
}

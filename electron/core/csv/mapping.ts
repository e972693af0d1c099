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

/**
 * Guesses which column holds which field from the headings forms tools produce: each field goes to
 * the first heading whose words fit its clue, and each heading to at most one field.
 */
export function guessColumns<F extends string>(headers: string[], fields: readonly F[], clues: Record<F, RegExp>): Mapping<F> {
  const taken = new Set<F>();
  return Object.fromEntries(
    headers.map((header) => {
      const normal = header.toLowerCase().replace(/[_\s]+/g, ' ').trim();
      const field = fields.find((f) => !taken.has(f) && clues[f].test(normal));
      if (field) taken.add(field);
      return [header, field ?? ''];
    }),
  );
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
export function doubleMappings<F extends string>(mapping: Mapping<F>, label: (f: F) => string): { row: number; column: string; message: string }[] {
  const byField = new Map<F, string[]>();
  for (const [header, field] of Object.entries(mapping)) if (field) byField.set(field, [...(byField.get(field) ?? []), header]);
  return [...byField.entries()]
    .filter(([, headers]) => headers.length > 1)
    .map(([field, headers]) => ({ row: 1, column: headers.join(', '), message: `${headers.length} columns are mapped to ${label(field)}; map only one` }));
}

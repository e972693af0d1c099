/**
 * Guesses which column holds which field from the headings forms tools produce: each field goes to
 * the first heading whose words fit its clue, and each heading to at most one field.
 */
export function guessColumns<F extends string>(headers: string[], fields: readonly F[], clues: Record<F, RegExp>): Record<string, F | ''> {
  const mapping: Record<string, F | ''> = {};
  const taken = new Set<F>();
  for (const header of headers) {
    const normal = header.toLowerCase().replace(/[_\s]+/g, ' ').trim();
    const field = fields.find((f) => !taken.has(f) && clues[f].test(normal));
    mapping[header] = field ?? '';
    if (field) taken.add(field);
  }
  return mapping;
}

/** Two columns mapped to the same field would silently drop one of them. */
export function doubleMappings<F extends string>(mapping: Record<string, F | ''>, label: (f: F) => string): { row: number; column: string; message: string }[] {
  const byField = new Map<F, string[]>();
  for (const [header, field] of Object.entries(mapping)) if (field) byField.set(field, [...(byField.get(field) ?? []), header]);
  return [...byField.entries()]
    .filter(([, headers]) => headers.length > 1)
    .map(([field, headers]) => ({ row: 1, column: headers.join(', '), message: `${headers.length} columns are mapped to ${label(field)}; map only one` }));
}

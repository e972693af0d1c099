/** Words shared by the pairing engine's explanations and the pairing screens. */

/** 1 → "1st", 2 → "2nd", 11 → "11th": a rank in a list of preferences. */
export const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** "Ana, Ben and Chen". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

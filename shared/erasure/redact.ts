/**
 * Replacing an erased person's name in other people's free text. The register is the gazetteer:
 * the full name and each part of it (first name, surname, any middle or preferred name written in
 * the name field), case-insensitively, on word boundaries in any script, so "Amara's" becomes
 * "[removed]'s" and "Ngozi-Amara" keeps nothing of the name. Other names are not guessed at.
 */

export const REMOVED = '[removed]';

/** Parts shorter than this ("J", "Al") are too likely to be ordinary words or initials of someone else. */
const SHORTEST_PART = 2;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Name forms to look for, longest first so the full name goes as one "[removed]" and not three.
 * A part in `sharedParts` (lower case) is someone else's name too ("Amara" when another Amara is in
 * the register): it is left alone, or erasing one person would strip everyone else of theirs; the
 * full name is always replaced.
 */
export function nameForms(names: readonly string[], sharedParts: ReadonlySet<string> = new Set()): string[] {
  const forms = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (!name) continue;
    forms.add(name);
    for (const raw of name.split(/[\s,]+/)) {
      const part = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if ([...part].length >= SHORTEST_PART && !sharedParts.has(part.toLocaleLowerCase())) forms.add(part);
    }
  }
  forms.delete('');
  return [...forms].sort((a, b) => b.length - a.length);
}

/** The lower-case parts of these names ("Amara Nwosu" → amara, nwosu): what other people's names are made of. */
export function namePartsOf(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => name.normalize('NFC').split(/[\s,]+/).map((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLocaleLowerCase())).filter(Boolean));
}

/** A matcher for these names, or null when there is nothing to look for. */
export function namePattern(names: readonly string[], sharedParts?: ReadonlySet<string>): RegExp | null {
  const forms = nameForms(names, sharedParts);
  if (forms.length === 0) return null;
  // Not a letter or digit on either side: word boundaries that work for every script, unlike \b.
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
}

/** The text with every form of the names replaced, and how many were replaced. */
export function redact(text: string, pattern: RegExp | null): { text: string; replaced: number } {
  if (!pattern || !text) return { text, replaced: 0 };
  let replaced = 0;
  const out = text.normalize('NFC').replace(pattern, () => {
    replaced += 1;
    return REMOVED;
  });
  return replaced === 0 ? { text, replaced: 0 } : { text: out, replaced };
}

/**
 * The columns of one row that named someone, redacted, or null when none did: for a repository
 * that reads rows of free text and writes back only the ones that change.
 */
export function redactRow<K extends string>(row: Record<K, string | null>, columns: readonly K[], pattern: RegExp | null): { changed: Record<K, string | null>; replaced: number } | null {
  let replaced = 0;
  const changed = { ...row };
  for (const column of columns) {
    const before = row[column];
    if (before == null) continue;
    const result = redact(before, pattern);
    if (result.replaced > 0) {
      changed[column] = result.text;
      replaced += result.replaced;
    }
  }
  return replaced > 0 ? { changed, replaced } : null;
}

import { importFields, type ColumnMapping, type ImportField } from '../../../../shared/participants/contract';
import { fieldOf, guessColumns } from '../../csv/mapping';

/** Words that give a column's meaning away in the headings forms tools produce. */
const clues: Record<ImportField, RegExp> = {
  email: /e-?mail/,
  name: /^(full ?)?name$|your name|^name of|first and last name|participant name/,
  role: /role|student or staff|staff or student|are you a|mentor or mentee/,
  department: /department|faculty|school|dept|service/,
  level: /level|year of study|seniority|job title|grade|position|course/,
  characteristics: /characteristic|identify|identity|eligib|background/,
  topics: /topic|interest|theme|would you like to (talk|discuss)/,
  availability: /availab|when (can|are) you|free (slots|times)/,
  notes: /note|comment|anything else/,
};

export const guessMapping = (headers: string[]): ColumnMapping => guessColumns(headers, importFields, clues);

/** Applies a remembered mapping to the headings it knows, and guesses the rest. */
export function mergeMapping(headers: string[], remembered: ColumnMapping | undefined): { mapping: ColumnMapping; remembered: boolean } {
  const guessed = guessMapping(headers);
  const known = headers.filter((h) => fieldOf(remembered, h) !== undefined);
  if (known.length === 0) return { mapping: guessed, remembered: false };
  const used = new Set(known.map((h) => fieldOf(remembered, h)).filter(Boolean));
  const guess = (h: string) => fieldOf(guessed, h) ?? '';
  const mapping: ColumnMapping = Object.fromEntries(headers.map((h) => [h, fieldOf(remembered, h) ?? (used.has(guess(h)) ? '' : guess(h))]));
  return { mapping, remembered: true };
}

/**
 * Applies the columns someone named (on the command line) over the guessed or remembered mapping:
 * only the named headings change, and a field they claim is taken off any other heading.
 */
export function overrideMapping(headers: string[], base: ColumnMapping, named: ColumnMapping): ColumnMapping {
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
  ) as ColumnMapping;
}

// A pair ends at the comma right after "=word" (or a bare "="), so headings may contain commas.
const PAIR_END = /(?<==\s*\w*\s*),/;

/** Parses --map 'Header=field,Other header=field' from the command line. */
export function parseMapArgument(text: string): ColumnMapping {
  const mapping = new Map<string, ImportField | ''>();
  for (const pair of text.split(PAIR_END)) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new Error(`--map expects Header=field pairs separated by commas; "${pair}" has no "=".`);
    const header = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (field !== '' && !(importFields as readonly string[]).includes(field)) {
      throw new Error(`--map: "${field}" is not a field; use one of ${importFields.join(', ')} (or nothing to ignore a column).`);
    }
    mapping.set(header, field as ImportField | '');
  }
  return Object.fromEntries(mapping);
}

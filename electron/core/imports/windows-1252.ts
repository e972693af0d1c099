/**
 * Windows-1252 ("ANSI", what Excel on Windows writes) is Latin-1 except for 0x80–0x9F, where it has
 * typographic characters instead of C1 controls. Node's TextDecoder does not map these in every ICU
 * build (small-icu decodes them as controls), so the 32 bytes are mapped here, as in the WHATWG
 * Encoding Standard; its five unassigned bytes keep their Latin-1 code point.
 */
const HIGH = String.fromCharCode(
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
);

const C1 = /[\u0080-\u009f]/g;

/** Latin-1 is Node's own byte-for-code-point decoding; only the 0x80–0x9F range is then replaced. */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}

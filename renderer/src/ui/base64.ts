/** Bytes as base64 (a chosen file for the main process), in chunks so a 20 MB file does not blow the argument limit of fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  const chunk = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(String.fromCharCode(...bytes.subarray(i, i + chunk)));
  return btoa(parts.join(''));
}

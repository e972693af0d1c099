// jsdom lacks CSS.escape, which React Aria's collections call on focus (Chromium has it). Enough for ids.
if (typeof globalThis.CSS?.escape !== 'function') {
  Object.assign(globalThis, { CSS: { ...globalThis.CSS, escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) } });
}

/** The typed confirmation matches the name as shown, ignoring case and spacing (the core checks the same). */
export const sameName = (typed: string, name: string) => {
  const plain = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return plain(typed) === plain(name);
};

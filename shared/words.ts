/** Words for numbers, the same in every message of the core and on every screen. */

const numberFormat = new Intl.NumberFormat('en-GB');

/** "5,000". */
export const count = (n: number) => numberFormat.format(n);

/** "1 meeting", "5,000 meetings"; `many` for irregular plurals ("1 row has", "2 rows have"). */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** "1 person", "5,000 people". */
export const people = (n: number) => plural(n, 'person', 'people');

/** "1 meeting", "3 meetings"; `many` for irregular plurals ("1 row has", "2 rows have"). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The message of whatever a failed call threw, for a banner or a notice. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

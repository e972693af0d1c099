/** The message of whatever a failed call threw, for a banner or a notice. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

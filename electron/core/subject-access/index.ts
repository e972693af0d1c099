/** Subject access is reached through its channel only (handlers.ts); nothing else uses it. */
export {};

/**
 * No other feature uses the vault's modules: it is opened, locked and re-keyed by the session
 * (session.ts), which every transport goes through, and its channels are in handlers.ts.
 */
export {};

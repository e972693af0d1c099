/** Pseudonym codes for people, consistent within a vault (surveys, exports). */
export { pseudonymCoder, normalCode } from './pseudonyms';

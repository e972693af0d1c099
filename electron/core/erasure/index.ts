/** Erasure for other features: when the latest erasure was made (the backup reminder asks for a backup newer than it). */
export { lastErasureAt } from './repository';

/** The research export for other features: erasure removes a person's rows from the replacement log. */
export { eraseReplacementsOf, lastExportAt } from './repository';
export { nameReplacer, type NamedEntry } from './names';

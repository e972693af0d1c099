/**
 * What every certificate says about backups: erasure cannot reach copies already made. Backups are
 * encrypted files in a folder the coordinator chose; they hold the erased data until they are
 * deleted or expire, and restoring one brings it back.
 */
export const BACKUPS_NOTE =
  'Backups of the vault made before this erasure still hold the erased data until they expire or are deleted. They stay encrypted with the vault’s passphrase; restoring one would bring the data back, so erase again after any restore.';

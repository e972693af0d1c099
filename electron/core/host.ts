/**
 * What the core asks of whoever runs it: the Electron shell (native dialogs), the CLI (arguments)
 * or the test bridge (a configured folder). Keeps dialogs out of the core.
 */
export interface Host {
  /** Asks where to write an export; undefined when the coordinator cancels. */
  chooseExportFolder(purpose: string): Promise<string | undefined>;
}

/** A host for tests and scripts: always the same folder. */
export const fixedFolderHost = (folder: string): Host => ({ chooseExportFolder: async () => folder });

/** A host with nowhere to write: exports are refused with a clear message. */
export const noExportHost: Host = { chooseExportFolder: async () => undefined };

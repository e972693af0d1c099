/** The REFI-QDA (.qdpx) export of closing interviews, for the CLI and the bench. */
export { makeQdpx, qdpxFileName, type QdpxFile } from './export';

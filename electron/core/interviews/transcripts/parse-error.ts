/** A file that cannot be imported, with the line (1-based) where the problem is when there is one. */
export class TranscriptParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = 'TranscriptParseError';
  }
}

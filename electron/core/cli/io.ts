import type { ErrorCode } from '../../../shared/contract';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  /** Asks for a secret on the terminal without echo; undefined when there is no terminal. */
  promptSecret?: (question: string) => Promise<string>;
}

export const EXIT = { ok: 0, failure: 1, usage: 2, wrongSecret: 3, invalidInput: 4 } as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);

/** The exit code a scripted caller can switch on, from an envelope's error code. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_KEY':
      return EXIT.wrongSecret;
    case 'INVALID_INPUT':
    case 'WEAK_PASSPHRASE':
      return EXIT.invalidInput;
    case 'UNKNOWN_CHANNEL':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}

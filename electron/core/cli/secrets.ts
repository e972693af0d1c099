import { createInterface } from 'node:readline';
import type { CoordinatorSecret } from '../../../shared/vault/contract';
import { type CliIo, usageError } from './io';

/** Secrets come from the environment or a terminal prompt, never from argv (visible in `ps` and shell history). */
export async function currentSecret(io: CliIo): Promise<CoordinatorSecret> {
  if (io.env.RECIPROCAL_PASSPHRASE) return { passphrase: io.env.RECIPROCAL_PASSPHRASE };
  if (io.env.RECIPROCAL_RECOVERY_KEY) return { recoveryKey: io.env.RECIPROCAL_RECOVERY_KEY };
  if (io.promptSecret) return { passphrase: await io.promptSecret('Vault passphrase: ') };
  throw usageError('No passphrase: set RECIPROCAL_PASSPHRASE (or RECIPROCAL_RECOVERY_KEY), or run in a terminal to be asked.');
}

export async function currentPassphrase(io: CliIo): Promise<string> {
  const secret = await currentSecret(io);
  if (!('passphrase' in secret)) throw usageError('This command needs the passphrase itself: set RECIPROCAL_PASSPHRASE.');
  return secret.passphrase;
}

export async function newPassphrase(io: CliIo, envName: 'RECIPROCAL_PASSPHRASE' | 'RECIPROCAL_NEW_PASSPHRASE'): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (!io.promptSecret) throw usageError(`No new passphrase: set ${envName}, or run in a terminal to be asked.`);
  const first = await io.promptSecret('New passphrase: ');
  const second = await io.promptSecret('Type it again: ');
  if (first !== second) throw usageError('The two passphrases differ; nothing was changed.');
  return first;
}

/** Reads a line from a TTY with echo turned off. */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

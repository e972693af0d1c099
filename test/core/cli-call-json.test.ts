import { beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { PASSPHRASE } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';

/** Issue 9: `cli call` echoed invalid JSON input, which may hold personal data, to stderr. */
let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-cli-'));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } };
  return { code: await runCli(args, io), stdout, stderr };
}

describe('cli call with input that is not JSON', () => {
  it('says where the JSON is invalid, exits 4, and never echoes the input', async () => {
    const vault = join(dir, 'v');
    const personal = '{"pilotId": 1, "participant": {"name": "Amara Nwosu", "email": amara.nwosu@student.example.ac.uk}}';
    const result = await cli(['call', 'participants.create', personal, '--vault', vault]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not valid JSON: expected a value .* at line 1, column 64 \(character 64\)/);
    expect(result.stderr).not.toMatch(/Amara|Nwosu|amara|example\.ac\.uk/);

    const multiline = await cli(['call', 'participants.create', '{\n  "pilotId": 1,\n  "participant": {"name": "Amara Nwosu",}\n}', '--vault', vault]);
    expect(multiline.code).toBe(4);
    expect(multiline.stderr).toMatch(/line 3, column 41/);
    expect(multiline.stderr).not.toMatch(/Amara/);
    // Refused before the vault is opened: nothing was created or unlocked.
    expect(existsSync(vault)).toBe(false);
  });
});

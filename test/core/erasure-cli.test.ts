import { beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { createCore } from '../../electron/core';
import { PASSPHRASE, TEST_SCRYPT, expectOk } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

async function run(args: string[], { terminal, answer = '' }: { terminal: boolean; answer?: string }) {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => '',
    env: terminal ? {} : { RECIPROCAL_PASSPHRASE: PASSPHRASE },
    ...(terminal
      ? {
          promptSecret: async (question: string) => {
            prompts.push(question);
            return question.startsWith('Vault passphrase') ? PASSPHRASE : answer;
          },
        }
      : {}),
  };
  return { code: await runCli(args, io), stdout, stderr, prompts };
}

/** A vault with one person, Ines Duarte, and what became of them. */
async function vaultWithPerson() {
  const vault = join(dir, 'vault');
  const core = createCore(vault, { scrypt: TEST_SCRYPT, logError: () => {} });
  expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  const pilot = await ok(core.registry, 'pilots.create', { name: 'CLI pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
  const person = await ok(core.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Ines Duarte', email: 'ines@example.ac.uk', role: 'mentor' } });
  core.session.lock();
  const nameNow = async () => {
    const again = createCore(vault, { scrypt: TEST_SCRYPT, logError: () => {} });
    expectOk(await again.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    try {
      return (await ok(again.registry, 'participants.get', { id: person.id })).name;
    } finally {
      again.session.lock();
    }
  };
  return { vault, id: person.id, nameNow };
}

describe('erase participant on the command line', () => {
  it('asks for the name in a terminal, and a wrong name erases nothing (exit 4)', async () => {
    const { vault, id, nameNow } = await vaultWithPerson();
    const wrong = await run(['erase', 'participant', String(id), '--vault', vault], { terminal: true, answer: 'Ines' });
    expect(wrong.code).toBe(4);
    expect(wrong.prompts.at(-1)).toMatch(/Type their name \(Ines Duarte\)/);
    expect(wrong.stdout).toMatch(/Register entry .*: 1/);
    expect(await nameNow()).toBe('Ines Duarte');

    const right = await run(['erase', 'participant', String(id), '--vault', vault], { terminal: true, answer: 'Ines Duarte' });
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/Erased\. Certificate no\. 1; audit entry \d+/);
    expect(await nameNow()).toBe('Erased person');
  });

  it('without a terminal needs --yes, and erases with it', async () => {
    const { vault, id, nameNow } = await vaultWithPerson();
    const refused = await run(['erase', 'participant', String(id), '--vault', vault], { terminal: false });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --yes/);
    expect(await nameNow()).toBe('Ines Duarte');
    const done = await run(['erase', 'participant', String(id), '--vault', vault, '--yes'], { terminal: false });
    expect(done.code).toBe(0);
    expect(await nameNow()).toBe('Erased person');
    expect((await run(['erase', 'participant', '999', '--vault', vault, '--yes'], { terminal: false })).code).toBe(1);
    expect((await run(['erase', 'participant', 'x', '--vault', vault, '--yes'], { terminal: false })).code).toBe(2);
  });
});

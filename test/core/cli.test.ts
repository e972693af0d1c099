import { beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { PASSPHRASE, expectOk, snapshotFiles } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { createCore } from '../../electron/core';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-cli-'));

/** Runs the CLI in-process with captured output; secrets only through env, as on the command line. */
async function cli(args: string[], env: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The CLI as in a terminal: no secrets in the environment, answers typed at prompts (recorded). */
async function cliAtTerminal(args: string[], answers: Record<string, string>) {
  const prompts: string[] = [];
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => '',
    env: {},
    promptSecret: async (question) => {
      prompts.push(question);
      return answers[question] ?? '';
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, prompts };
}

const withPass = { RECIPROCAL_PASSPHRASE: PASSPHRASE };

/**
 * Every table of a vault as sorted JSON rows, leaving out only what differs between two vaults by
 * design: the random vault id (in meta, and as the vault's audit entity, which feeds every audit
 * hash), the random pseudonym secret and the real time the file was created. Unlocking writes nothing,
 * so reading changes nothing.
 */
async function dumpTables(vault: string): Promise<Record<string, string[]>> {
  const core = createCore(vault, { logError: () => {} });
  expectOk(await core.registry.call('vault.unlock', { passphrase: PASSPHRASE }));
  try {
    const db = core.session.db;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const comparable = (table: string, row: Record<string, unknown>) => {
      if (table === 'meta' && (row.key === 'vault_id' || row.key === 'created_at' || row.key === 'pseudonym_secret')) return undefined;
      if (table === 'audit_log') {
        const { hash: _hash, prev_hash: _prev, ...rest } = row;
        return row.entity_type === 'vault' ? { ...rest, entity_id: '(vault id)' } : rest;
      }
      return row;
    };
    return Object.fromEntries(
      tables.map((table) => [
        table,
        (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
          .map((row) => comparable(table, row))
          .filter((row) => row !== undefined)
          .map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
          .sort(),
      ]),
    );
  } finally {
    core.session.lock();
  }
}

/** Opens a vault file directly with its raw key, as an auditor's SQLCipher shell would. */
async function rawConnection(vault: string) {
  const key = (await cli(['vault', 'key', '--vault', vault], withPass)).stdout.trim();
  const db = new Database(join(vault, 'vault.sqlite'));
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="${key}"`);
  return db;
}

describe('command line', () => {
  it('creates a vault, prints the recovery key once, checks it, and prints the raw key', async () => {
    const vault = join(dir, 'v');
    const created = await cli(['vault', 'create', '--vault', vault], withPass);
    expect(created.code).toBe(0);
    const recoveryKey = created.stdout.match(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/)?.[0];
    expect(recoveryKey).toBeDefined();

    const check = await cli(['vault', 'check', '--vault', vault], withPass);
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toMatch(/integrity: ok/);
    // Created, and the printed recovery key counts as handed over (there is no screen to confirm it on).
    expect(check.stdout).toMatch(/audit chain: ok, 2 entries/);
    expect(check.stdout).toMatch(/audit head: entry 2, hash [0-9a-f]{64}/);
    expect(check.stdout).toMatch(/schema version: \d+/);

    const byRecovery = await cli(['vault', 'check', '--vault', vault], { RECIPROCAL_RECOVERY_KEY: recoveryKey! });
    expect(byRecovery.code).toBe(0);

    const key = await cli(['vault', 'key', '--vault', vault], withPass);
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toMatch(/^x'[0-9a-f]{64}'$/);
  });

  it('exits 3 on a wrong passphrase, 2 on usage errors, and never reads a secret from argv', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const before = snapshotFiles(vault);
    const wrong = await cli(['vault', 'check', '--vault', vault], { RECIPROCAL_PASSPHRASE: 'not the right one at all' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/passphrase is not correct/);
    expect(snapshotFiles(vault)).toEqual(before);

    expect((await cli(['vault', 'check'], withPass)).code).toBe(2);
    expect((await cli(['vault', 'check', '--vault', vault])).stderr).toMatch(/RECIPROCAL_PASSPHRASE/);
    expect((await cli(['vault', 'check', '--vault', vault, '--passphrase', PASSPHRASE])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    expect((await cli(['--help'])).stdout).toMatch(/Exit codes/);
  });

  it('calls channels and exits 4 with the reason on invalid input, changing nothing', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const created = await cli(['call', 'pilots.create', JSON.stringify({ name: 'CLI pilot', startDate: '2026-10-01', endDate: '2027-06-30' }), '--vault', vault], withPass);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ ok: true, value: { id: 1, name: 'CLI pilot', status: 'planning' } });

    const invalid = await cli(['call', 'pilots.create', '{"name":"","startDate":"2026-10-01","endDate":"2026-01-01"}', '--vault', vault], withPass);
    expect(invalid.code).toBe(4);
    expect(invalid.stderr).toMatch(/name: Name is required/);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await cli(['call', 'pilots.create', '{not json', '--vault', vault], withPass)).code).toBe(4);
    expect((await cli(['call', 'pilots.nope', '{}', '--vault', vault], withPass)).code).toBe(2);
    expect((await cli(['call', 'vault.lock', '{}', '--vault', vault], withPass)).code).toBe(2);

    const list = await cli(['call', 'pilots.list', '{}', '--vault', vault], withPass);
    expect(JSON.parse(list.stdout).value).toHaveLength(1);
    const audit = await cli(['call', 'audit.list', '{}', '--vault', vault], withPass);
    expect(JSON.parse(audit.stdout).value.map((e: { action: string; actor: string }) => `${e.actor}:${e.action}`)).toEqual(['cli:pilots.create', 'cli:vault.confirmRecoveryKey', 'cli:vault.create']);
  });

  it('changes the passphrase from the environment', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const next = 'copper meadow violin horizon';
    expect((await cli(['vault', 'passwd', '--vault', vault], { ...withPass, RECIPROCAL_NEW_PASSPHRASE: 'weak' })).code).toBe(4);
    expect((await cli(['vault', 'passwd', '--vault', vault], { ...withPass, RECIPROCAL_NEW_PASSPHRASE: next })).code).toBe(0);
    expect((await cli(['vault', 'check', '--vault', vault], withPass)).code).toBe(3);
    expect((await cli(['vault', 'check', '--vault', vault], { RECIPROCAL_PASSPHRASE: next })).code).toBe(0);
  });

  it('vault check prints the audit head to note, and --anchor compares it later', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const first = await cli(['vault', 'check', '--vault', vault], withPass);
    const [, seq, hash] = first.stdout.match(/audit head: entry (\d+), hash ([0-9a-f]{64})/)!;
    expect(first.stdout).toContain(`--anchor ${seq}:${hash}`);

    await cli(['call', 'pilots.create', JSON.stringify({ name: 'Later', startDate: '2026-10-01', endDate: '2027-06-30' }), '--vault', vault], withPass);
    const later = await cli(['vault', 'check', '--vault', vault, '--anchor', `${seq}:${hash}`], withPass);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(new RegExp(`audit anchor: entry ${seq} still has the noted hash`));

    const forged = await cli(['vault', 'check', '--vault', vault, '--anchor', `${seq}:${'0'.repeat(64)}`], withPass);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/DOES NOT MATCH/);
    expect((await cli(['vault', 'check', '--vault', vault, '--anchor', 'nonsense'], withPass)).code).toBe(4);
  });

  it('vault check fails (exit 1) and says where when the audit chain was tampered with', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    await cli(['call', 'pilots.create', JSON.stringify({ name: 'Tamper', startDate: '2026-10-01', endDate: '2027-06-30' }), '--vault', vault], withPass);
    const db = await rawConnection(vault);
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run();
    db.close();
    const check = await cli(['vault', 'check', '--vault', vault], withPass);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/integrity: ok/);
    expect(check.stdout).toMatch(/audit chain: BROKEN at entry 2/);
  });

  it('vault check on a damaged page reports a damaged vault (exit 1), not an unexpected failure', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const db = await rawConnection(vault);
    const insert = db.prepare("INSERT INTO pilots (name, purpose, start_date, end_date, status, created_at, updated_at) VALUES (?, ?, '2026-10-01', '2027-06-30', 'planning', 'now', 'now')");
    db.transaction(() => {
      for (let i = 0; i < 300; i++) insert.run(`Pilot ${i}`, 'A purpose long enough to fill pages. '.repeat(8));
    })();
    const lastRootPage = (db.prepare('SELECT max(rootpage) AS page FROM sqlite_master').get() as { page: number }).page;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Damage every page after the schema's root pages: unlocking still works, reading the rows does not.
    const path = join(vault, 'vault.sqlite');
    const bytes = readFileSync(path);
    for (let page = lastRootPage; page < bytes.length / 4096; page++) bytes[page * 4096 + 100] = bytes[page * 4096 + 100]! ^ 0xff;
    writeFileSync(path, bytes);

    const check = await cli(['vault', 'check', '--vault', vault], withPass);
    expect(check.code).toBe(1);
    expect(check.stderr).not.toMatch(/Unexpected failure/);
    expect(check.stderr).toMatch(/Part of the vault database is damaged/);
  });

  it('in a terminal, asks for the current passphrase only once for vault key and vault passwd', async () => {
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const key = await cliAtTerminal(['vault', 'key', '--vault', vault], { 'Vault passphrase: ': PASSPHRASE });
    expect(key).toMatchObject({ code: 0, prompts: ['Vault passphrase: '] });
    expect(key.stdout.trim()).toMatch(/^x'[0-9a-f]{64}'$/);

    const next = 'copper meadow violin horizon';
    const passwd = await cliAtTerminal(['vault', 'passwd', '--vault', vault], { 'Vault passphrase: ': PASSPHRASE, 'New passphrase: ': next, 'Type it again: ': next });
    expect(passwd).toMatchObject({ code: 0, prompts: ['Vault passphrase: ', 'New passphrase: ', 'Type it again: '] });
    expect((await cli(['vault', 'check', '--vault', vault], { RECIPROCAL_PASSPHRASE: next })).code).toBe(0);

    // A wrong current passphrase stops before asking for a new one.
    const wrong = await cliAtTerminal(['vault', 'passwd', '--vault', vault], { 'Vault passphrase: ': 'not the passphrase at all' });
    expect(wrong).toMatchObject({ code: 3, prompts: ['Vault passphrase: '] });
  });

  it('replaces the recovery key: prints the new one once, and only the new one unlocks', async () => {
    const vault = join(dir, 'v');
    const oldKey = (await cli(['vault', 'create', '--vault', vault], withPass)).stdout.match(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/)![0];
    const before = snapshotFiles(vault);
    expect((await cli(['vault', 'recovery', '--vault', vault], { RECIPROCAL_PASSPHRASE: 'not the right one at all' })).code).toBe(3);
    expect((await cli(['vault', 'recovery', '--vault', vault], { RECIPROCAL_RECOVERY_KEY: oldKey })).code).toBe(2);
    expect(snapshotFiles(vault)).toEqual(before);

    const replaced = await cli(['vault', 'recovery', '--vault', vault], withPass);
    expect(replaced.code).toBe(0);
    const newKey = replaced.stdout.match(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/)![0];
    expect(newKey).not.toBe(oldKey);
    expect((await cli(['vault', 'check', '--vault', vault], { RECIPROCAL_RECOVERY_KEY: oldKey })).code).toBe(3);
    expect((await cli(['vault', 'check', '--vault', vault], { RECIPROCAL_RECOVERY_KEY: newKey })).code).toBe(0);
  });

  it('lists every channel with a JSON Schema of its input', async () => {
    const { code, stdout } = await cli(['channels']);
    expect(code).toBe(0);
    const listing = JSON.parse(stdout);
    expect(listing['pilots.create'].input).toMatchObject({ type: 'object', required: ['name', 'startDate', 'endDate'] });
    expect(listing['pilots.create'].summary).toMatch(/Create a pilot/);
  });

  it('fills a demo vault that is identical, table by table, for the same seed and --today, and differs for another seed', async () => {
    const args = (name: string, seed: string) => ['demo', '--vault', join(dir, name), '--seed', seed, '--today', '2027-01-20', '--participants', '24'];
    for (const [name, seed] of [['a', '7'], ['b', '7'], ['c', '8']] as const) expect((await cli(args(name, seed), withPass)).code).toBe(0);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => dumpTables(join(dir, name))));
    expect(Object.keys(a!).length).toBeGreaterThan(10);
    expect(a!.participants!.length).toBe(24);
    expect(a!.pilots!.every((p) => p.includes('(demo)'))).toBe(true);
    expect(b).toEqual(a);
    expect(c!.participants).not.toEqual(a!.participants);
  });

  it('lays the demo out around --today, and refuses a bad seed or date', async () => {
    expect((await cli(['demo', '--vault', join(dir, 'a'), '--seed', '7', '--today', '2027-01-20'], withPass)).code).toBe(0);
    expect((await cli(['demo', '--vault', join(dir, 'c'), '--seed', 'x'], withPass)).code).toBe(4);
    expect((await cli(['demo', '--vault', join(dir, 'c'), '--today', 'soon'], withPass)).code).toBe(4);
    // Laid out around "today": some meetings held, some overdue or to come, logs submitted, drafted and owed.
    const call = async (channel: string, input: object) => JSON.parse((await cli(['call', channel, JSON.stringify(input), '--vault', join(dir, 'a')], withPass)).stdout).value;
    const pilot = (await call('pilots.list', {}))[0];
    const overview = await call('meetings.overview', { pilotId: pilot.id });
    expect(overview.counts.held).toBeGreaterThan(10);
    expect(overview.counts.overdue + overview.counts.cancelled).toBeGreaterThan(0);
    expect(overview.counts.scheduled).toBeGreaterThan(overview.counts.overdue);
    expect((await call('logs.owed', { pilotId: pilot.id })).some((o: { state: string }) => o.state === 'draft')).toBe(true);
    expect((await call('logs.search', { pilotId: pilot.id, query: 'belonging' })).hits.length).toBeGreaterThan(0);
  });

  it('runs as a real process through npm run cli with the documented exit codes', () => {
    const vault = join(dir, 'p');
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(run(['vault', 'create', '--vault', vault], withPass).status).toBe(0);
    const wrong = run(['vault', 'check', '--vault', vault], { RECIPROCAL_PASSPHRASE: 'definitely wrong passphrase' });
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toMatch(/not correct/);
    expect(run(['call', 'pilots.create', '{}', '--vault', vault], withPass).status).toBe(4);
  });
});

describe('command line import', () => {
  it('imports expressions of interest (exit 0 with a count) or refuses with row-level errors (exit 4), all or nothing', async () => {
    const { writeFileSync } = await import('node:fs');
    const vault = join(dir, 'v');
    await cli(['vault', 'create', '--vault', vault], withPass);
    const pilot = JSON.parse((await cli(['call', 'pilots.create', '{"name":"Import pilot","startDate":"2026-10-01","endDate":"2027-06-30"}', '--vault', vault], withPass)).stdout).value;
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Full name;E-mail;Staff or student?\nAmara;amara@example.ac.uk;student\nHelen;helen@example.ac.uk;staff\n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Who,Address,Kind\nAmara,amara2@example.ac.uk,student\nNo Email,,staff\n');

    const refused = await cli(['import', 'eoi', bad, '--pilot', String(pilot.id), '--vault', vault, '--map', 'Who=name,Address=email,Kind=role'], withPass);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/nothing was imported/);
    expect(refused.stderr).toMatch(/row 3, column "Address": Email is required/);

    const imported = await cli(['import', 'eoi', good, '--pilot', String(pilot.id), '--vault', vault], withPass);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported 2 expressions of interest into pilot 1.\n' });
    const list = JSON.parse((await cli(['call', 'participants.list', `{"pilotId":${pilot.id}}`, '--vault', vault], withPass)).stdout).value;
    expect(list.rows.map((r: { name: string }) => r.name)).toEqual(['Amara', 'Helen']);

    expect((await cli(['import', 'eoi', good, '--vault', vault], withPass)).code).toBe(2);
    expect((await cli(['import', 'eoi', good, '--pilot', '1', '--vault', vault, '--map', 'nonsense'], withPass)).code).toBe(2);
    expect((await cli(['import', 'eoi', join(dir, 'missing.csv'), '--pilot', '1', '--vault', vault], withPass)).code).toBe(1);
  });
});

describe('command line solve', () => {
  it('reads a raw assignment problem on stdin and prints the optimal assignment; forbidden cells are never used', async () => {
    const result = await cli(['solve'], {}, '{"costs":[[4,1,3],[2,0,5],[3,2,2]]}');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ assignment: [1, 0, 2], total: 5 });
    const rectangular = await cli(['solve'], {}, '{"costs":[[1,9],[9,1],[5,5]],"forbidden":[[0,1]],"maximize":true}');
    expect(JSON.parse(rectangular.stdout)).toEqual({ assignment: [null, 0, 1], total: 14 });
    const onlyForbidden = await cli(['solve'], {}, '{"costs":[[1]],"forbidden":[[0,0]]}');
    expect(JSON.parse(onlyForbidden.stdout)).toEqual({ assignment: [null], total: 0 });
    const bad = await cli(['solve'], {}, '{"costs":[[1,2],[3]]}');
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/row 1 has 1 value, expected 2/);
  });
});

describe('command line calendar export', () => {
  it('exports a pair’s meetings as an .ics file into the folder given with --out', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const vault = join(dir, 'v');
    expect((await cli(['demo', '--vault', vault, '--participants', '8'], withPass)).code).toBe(0);
    const out = join(dir, 'calendar');
    const result = await cli(['export', 'ics', '--pair', '1', '--out', out, '--vault', vault], withPass);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote 4 meetings to .*reciprocal-pair-1\.ics/);
    const ics = readFileSync(join(out, 'reciprocal-pair-1.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await cli(['export', 'ics', '--pair', '1', '--vault', vault], withPass)).code).toBe(2);
    expect((await cli(['export', 'ics', '--pair', '999', '--out', out, '--vault', vault], withPass)).code).toBe(1);
    expect(existsSync(join(out, 'reciprocal-pair-999.ics'))).toBe(false);
  });
});

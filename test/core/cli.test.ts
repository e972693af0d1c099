import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../electron/core/cli/run';
import type { CliIo } from '../../electron/core/cli/io';
import { PASSPHRASE, snapshotFiles, tempDir } from '../helpers/vault';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('reciprocal-cli-')));
afterEach(() => cleanup());

/** Runs the CLI in-process with captured output; secrets only through env, as on the command line. */
async function cli(args: string[], env: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const withPass = { RECIPROCAL_PASSPHRASE: PASSPHRASE };

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
    expect(check.stdout).toMatch(/audit chain: ok \(1 entries\)/);
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
    expect(JSON.parse(audit.stdout).value.map((e: { action: string; actor: string }) => `${e.actor}:${e.action}`)).toEqual(['cli:pilots.create', 'cli:vault.create']);
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

  it('lists every channel with a JSON Schema of its input', async () => {
    const { code, stdout } = await cli(['channels']);
    expect(code).toBe(0);
    const listing = JSON.parse(stdout);
    expect(listing['pilots.create'].input).toMatchObject({ type: 'object', required: ['name', 'startDate', 'endDate'] });
    expect(listing['pilots.create'].summary).toMatch(/Create a pilot/);
  });

  it('fills a deterministic demo vault for a seed', async () => {
    const dump = async (vault: string) => JSON.parse((await cli(['call', 'pilots.list', '{"includeArchived":true}', '--vault', vault], withPass)).stdout).value;
    expect((await cli(['demo', '--vault', join(dir, 'a'), '--seed', '7', '--today', '2027-01-20'], withPass)).code).toBe(0);
    expect((await cli(['demo', '--vault', join(dir, 'b'), '--seed', '7', '--today', '2027-01-20'], withPass)).code).toBe(0);
    const a = await dump(join(dir, 'a'));
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((p: { name: string }) => p.name.includes('(demo)'))).toBe(true);
    expect(await dump(join(dir, 'b'))).toEqual(a);
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
    expect((await call('logs.search', { pilotId: pilot.id, query: 'belonging' })).length).toBeGreaterThan(0);
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

import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { createCore } from '../index';
import { fixedFolderHost, type Host } from '../host';
import { AppError } from '../errors';
import { fillDemo } from '../demo/demo';
import { DemoClock } from '../demo/clock';
import { verifyAudit } from '../audit/audit';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { parseMapArgument } from '../participants/import/mapping';
import { solveRawJson } from '../matching/raw-solve';
import { mkdirSync, readFileSync } from 'node:fs';
import { CliError, EXIT, exitCodeFor, usageError, type CliIo } from './io';
import { currentPassphrase, currentSecret, newPassphrase } from './secrets';

const HELP = `Reciprocal command line: the app's own handlers, without the window.

Usage: npm run -s cli -- <command> [options]

  vault create --vault DIR          create a vault; prints the recovery key once
  vault check  --vault DIR          unlock, integrity check, audit-chain check, schema version
  vault key    --vault DIR          print the raw SQLCipher key (x'<64 hex>') for an auditor
  vault passwd --vault DIR          change the passphrase
  channels                          list every channel with its input as JSON Schema
  call CHANNEL 'JSON' --vault DIR   call one channel; prints the result envelope as JSON
  import eoi FILE.csv --pilot ID --vault DIR [--map 'Header=field,...']
                                    import expressions of interest: all rows or none
  demo --vault DIR [--participants N] [--seed S] [--today YYYY-MM-DD]
                                    fill a vault (created if absent) with a synthetic pilot,
                                    laid out around today; the same for the same seed and day
  export ics (--pair ID | --person ID) --out DIR --vault DIR
                                    write the meetings as an .ics calendar file
  solve                             solve {"costs": number[][], "forbidden"?, "maximize"?} from stdin

Secrets come from the environment, never from arguments:
  RECIPROCAL_PASSPHRASE, RECIPROCAL_RECOVERY_KEY (to unlock), RECIPROCAL_NEW_PASSPHRASE (vault passwd).
In a terminal you are asked instead.

Exit codes: 0 ok, 1 failure, 2 usage, 3 wrong passphrase or recovery key, 4 invalid input.
`;

type Options = { vault?: string; participants?: string; seed?: string; today?: string; pilot?: string; map?: string; pair?: string; person?: string; out?: string; help?: boolean };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        vault: { type: 'string' },
        participants: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        pilot: { type: 'string' },
        map: { type: 'string' },
        pair: { type: 'string' },
        person: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      io.stdout(HELP);
      return command || values.help ? EXIT.ok : EXIT.usage;
    }
    switch (command) {
      case 'vault':
        return await vaultCommand(rest, values, io);
      case 'channels':
        return channelsCommand(io);
      case 'call':
        return await callCommand(rest, values, io);
      case 'demo':
        return await demoCommand(values, io);
      case 'import':
        return await importCommand(rest, values, io);
      case 'solve':
        return await solveCommand(io);
      case 'export':
        return await exportCommand(rest, values, io);
      default:
        throw usageError(`Unknown command "${command}". Run with --help to see the commands.`);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CliError) {
    io.stderr(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    io.stderr(`${error.message}\n`);
    return exitCodeFor(error.code);
  }
  const code = (error as { code?: string }).code;
  if (code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`${(error as Error).message}\nRun with --help to see the commands.\n`);
    return EXIT.usage;
  }
  io.stderr(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failure;
}

function requireVault(values: Options): string {
  if (!values.vault) throw usageError('Say which vault with --vault DIR.');
  return resolve(values.vault);
}

function unwrap<T>(envelope: { ok: true; value: T } | { ok: false; error: { code: Parameters<typeof exitCodeFor>[0]; message: string } }): T {
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

async function openCore(values: Options, io: CliIo, host?: Host) {
  const core = createCore(requireVault(values), host ? { host } : {});
  unwrap(await core.registry.call('vault.unlock', await currentSecret(io), 'cli'));
  return core;
}

async function vaultCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  const [sub] = args;
  switch (sub) {
    case 'create': {
      const core = createCore(requireVault(values));
      const passphrase = await newPassphrase(io, 'RECIPROCAL_PASSPHRASE');
      const { recoveryKey } = unwrap(await core.registry.call('vault.create', { passphrase }, 'cli'));
      core.session.lock();
      io.stdout(`Vault created in ${core.session.dir}\n\nRecovery key (shown once; store it offline, apart from the laptop):\n\n  ${recoveryKey}\n\n`);
      return EXIT.ok;
    }
    case 'check': {
      const { session } = await openCore(values, io);
      try {
        const integrity = session.db.pragma('integrity_check', { simple: true }) as string;
        const audit = verifyAudit(session.db);
        const version = session.db.pragma('user_version', { simple: true }) as number;
        io.stdout(`integrity: ${integrity}\naudit chain: ${audit.ok ? `ok (${audit.entries} entries)` : `BROKEN at entry ${audit.brokenAt}`}\nschema version: ${version} (this app: ${LATEST_SCHEMA_VERSION})\n`);
        return integrity === 'ok' && audit.ok ? EXIT.ok : EXIT.failure;
      } finally {
        session.lock();
      }
    }
    case 'key': {
      const core = await openCore(values, io);
      try {
        const { key } = unwrap(await core.registry.call('vault.revealKey', { passphrase: await currentPassphrase(io) }, 'cli'));
        io.stdout(`${key}\n`);
        return EXIT.ok;
      } finally {
        core.session.lock();
      }
    }
    case 'passwd': {
      const core = await openCore(values, io);
      try {
        const current = await currentSecret(io);
        const next = await newPassphrase(io, 'RECIPROCAL_NEW_PASSPHRASE');
        unwrap(await core.registry.call('vault.changePassphrase', { current, next }, 'cli'));
        io.stdout('Passphrase changed. The recovery key still works.\n');
        return EXIT.ok;
      } finally {
        core.session.lock();
      }
    }
    default:
      throw usageError('Use one of: vault create | check | key | passwd, each with --vault DIR.');
  }
}

function channelsCommand(io: CliIo): number {
  const listing = Object.fromEntries(
    Object.entries(contract).map(([name, spec]) => [name, { summary: spec.summary, input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) }]),
  );
  io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
  return EXIT.ok;
}

async function callCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  const [channel, json = '{}'] = args;
  if (!channel) throw usageError("Say which channel: call CHANNEL 'JSON' --vault DIR (see `channels`).");
  if (channel.startsWith('vault.')) throw usageError('Use the `vault` commands for the vault itself (create, check, key, passwd).');
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    io.stderr(`The input is not valid JSON: ${json}\n`);
    return EXIT.invalidInput;
  }
  const core = await openCore(values, io);
  try {
    const result = await core.registry.invoke(channel, input, 'cli');
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.ok) {
      io.stderr(`${result.error.message}\n`);
      return exitCodeFor(result.error.code);
    }
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new CliError(EXIT.invalidInput, `--${name} must be a whole number (got "${value}").`);
  return parsed;
}

async function demoCommand(values: Options, io: CliIo): Promise<number> {
  const seed = positiveInt(values.seed, 1, 'seed');
  const participants = positiveInt(values.participants, 60, 'participants');
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new CliError(EXIT.invalidInput, `--today must be a date like 2026-11-22 (got "${today}").`);
  const clock = new DemoClock(today);
  const core = createCore(requireVault(values), { now: clock.now });
  if (core.session.state() === 'absent') {
    const { recoveryKey } = unwrap(await core.registry.call('vault.create', { passphrase: await newPassphrase(io, 'RECIPROCAL_PASSPHRASE') }, 'cli'));
    io.stdout(`Vault created in ${core.session.dir}\nRecovery key (shown once): ${recoveryKey}\n`);
  } else {
    unwrap(await core.registry.call('vault.unlock', await currentSecret(io), 'cli'));
  }
  try {
    const summary = await fillDemo(core.registry, { seed, participants, clock });
    io.stdout(`Demo data written (seed ${seed}): ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

async function importCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  const [kind, path] = args;
  if (kind !== 'eoi' || !path) throw usageError("Use: import eoi FILE.csv --pilot ID --vault DIR [--map 'Header=field,...']");
  const pilotId = positiveInt(values.pilot, 0, 'pilot');
  if (pilotId === 0) throw usageError('Say which pilot with --pilot ID (see `call pilots.list`).');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(EXIT.failure, `Cannot read ${path}: ${(error as Error).message}`);
  }
  let explicit;
  try {
    explicit = values.map ? parseMapArgument(values.map) : undefined;
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const core = await openCore(values, io);
  try {
    const file = { name: path, base64: bytes.toString('base64') };
    const preview = unwrap(await core.registry.call('participants.importPreview', { pilotId, file, ...(explicit ? { mapping: explicit } : {}) }, 'cli'));
    const mapping = explicit ? { ...preview.mapping, ...explicit } : preview.mapping;
    const result = await core.registry.call('participants.import', { pilotId, file, mapping }, 'cli');
    if (!result.ok) {
      io.stderr(`${result.error.message}\n`);
      for (const issue of result.error.issues ?? []) {
        const [, row, column] = issue.path;
        io.stderr(row === undefined ? `  ${issue.message}\n` : `  row ${row}${column ? `, column "${column}"` : ''}: ${issue.message}\n`);
      }
      return exitCodeFor(result.error.code);
    }
    io.stdout(`Imported ${result.value.imported} expressions of interest into pilot ${pilotId}.\n`);
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

/** A raw assignment problem on stdin, its optimal assignment on stdout: for scripting and auditing the matcher. */
async function solveCommand(io: CliIo): Promise<number> {
  let result;
  try {
    result = solveRawJson(await io.readStdin());
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return EXIT.invalidInput;
  }
  io.stdout(`${JSON.stringify(result)}\n`);
  return EXIT.ok;
}

async function exportCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  if (args[0] !== 'ics' || !values.out || (!values.pair && !values.person)) throw usageError('Use: export ics (--pair ID | --person ID) --out DIR --vault DIR');
  const input = values.pair ? { pairId: positiveInt(values.pair, 0, 'pair') } : { participantId: positiveInt(values.person, 0, 'person') };
  mkdirSync(resolve(values.out), { recursive: true });
  const core = await openCore(values, io, fixedFolderHost(resolve(values.out)));
  try {
    const result = unwrap(await core.registry.call('meetings.exportIcs', input, 'cli'));
    io.stdout(`Wrote ${result.events} meeting${result.events === 1 ? '' : 's'} to ${resolve(result.folder, result.files[0]!)}\n`);
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

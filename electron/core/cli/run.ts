import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { createCore } from '../index';
import type { Host } from '../host';
import { AppError, fromDatabaseError } from '../errors';
import { fillDemo } from '../demo/demo';
import { DemoClock } from '../demo/clock';
import { verifyAudit } from '../audit';
import { asReadDb } from '../db/query';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { incompleteVaultError } from '../vault/vault';
import { overrideMapping, parseMapArgument, type Mapping } from '../imports';
import { importFields } from '../../../shared/participants/contract';
import { logImportFields } from '../../../shared/logs/contract';
import { solveRawJson } from '../matching/raw-solve';
import { importSurveyResponses, signedRankCommand } from './surveys';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Db } from '../db/types';
import { CliError, EXIT, exitCodeFor, usageError, type CliIo } from './io';
import { locateJsonError } from './json-error';
import { currentPassphrase, currentSecret, newPassphrase } from './secrets';
import type { UnlockInput } from '../../../shared/vault/contract';
import { auditAnchor, type AuditAnchor } from '../../../shared/audit/contract';
import { plural } from '../../../shared/words';
import { eraseCommand } from './erase';
import { backupCommand, exportSubjectCommand } from './backup';
import { exportQdpxCommand } from './qdpx';
import { checkInterviewDatabase } from './check-interviews';

const HELP = `Reciprocal command line: the app's own handlers, without the window.

Usage: npm run -s cli -- <command> [options]

  vault create --vault DIR          create a vault; prints the recovery key once
  vault check  --vault DIR [--anchor SEQ:HASH]
                                    unlock, integrity check, audit-chain check (entry count and
                                    head hash to note; --anchor compares one noted earlier),
                                    schema version
  vault key    --vault DIR          print the raw SQLCipher key (x'<64 hex>') for an auditor
  vault passwd --vault DIR          change the passphrase
  vault recovery --vault DIR        replace the recovery key (the old one stops working); prints the new one once
  vault set-aside --vault DIR       move an unfinished vault (a database without its key file) to a
                                    dated folder beside it, so a new one can be created; nothing is deleted
  channels                          list every channel with its input as JSON Schema
  call CHANNEL 'JSON' --vault DIR   call one channel; prints the result envelope as JSON
  import eoi FILE --pilot ID --vault DIR [--map 'Header=field,...'] [--apply-changes]
                                    import expressions of interest from a forms export (CSV, or an
                                    Excel .xlsx workbook's first sheet): every new person or none;
                                    people already registered (same email) are skipped, or with
                                    --apply-changes updated where the file differs; columns are
                                    guessed from the headings, --map changes only those it names
  import logs FILE --pilot ID --vault DIR [--map 'Header=field,...']
                                    import reflective logs from a log form's export: all or none
                                    import expressions of interest: all rows or none; columns are
                                    guessed from the headings, --map changes only those it names
  import survey FILE --pilot ID --wave WAVE_ID --vault DIR [--map 'Header=field,...']
                                    import a survey wave's responses from a forms export: every row
                                    or none; respondents by email or participant code, columns by
                                    question text (fields: respondent, item<number>)
  stats signed-rank                 {"pairs": [[before, after], ...]} on stdin → the paired
                                    comparison (Wilcoxon signed-rank, effect size, medians) as JSON
  demo --vault DIR [--participants N] [--seed S] [--today YYYY-MM-DD]
                                    fill a vault (created if absent) with a synthetic pilot,
                                    laid out around --today (default: today); the same seed and
                                    the same --today give the same data
  export ics (--pair ID | --person ID) --out DIR --vault DIR
                                    write the meetings as an .ics calendar file
  export research --pilot ID --out DIR --vault DIR [--no-free-text] [--shift-dates] [--threshold N]
                                    write the pilot's pseudonymised research dataset (CSV per table,
                                    data dictionary, README, manifest.json, SHA256SUMS) into DIR
  erase participant ID --vault DIR [--yes] [--include-safeguarding]
                                    erase one person (asks for their name in a terminal; --yes skips);
                                    safeguarding concerns about them only with --include-safeguarding
  backup create --vault DIR --out FILE
                                    write a full backup (one encrypted file: the databases and the
                                    key file) and check it; --out may also be a folder
  backup verify FILE                open a backup with its passphrase and run the integrity and
                                    audit checks; the vault is never opened
  backup restore FILE --vault NEWDIR
                                    restore a backup into a new folder (never over an existing one)
  export qdpx --pilot ID --out FILE.qdpx --vault DIR [--no-audio]
                                    the pilot's closing interviews as a pseudonymised REFI-QDA
                                    project (NVivo, ATLAS.ti, MAXQDA), audited
  export subject --participant ID --out DIR --vault DIR
                                    everything held about one person (HTML and JSON), audited
  solve                             solve {"costs": number[][], "forbidden"?, "maximize"?} from stdin

Secrets come from the environment, never from arguments:
  RECIPROCAL_PASSPHRASE, RECIPROCAL_RECOVERY_KEY (to unlock), RECIPROCAL_NEW_PASSPHRASE (vault passwd).
In a terminal you are asked instead.

Exit codes: 0 ok, 1 failure, 2 usage, 3 wrong passphrase or recovery key, 4 invalid input.
`;

type Options = {
  vault?: string;
  anchor?: string;
  participants?: string;
  seed?: string;
  today?: string;
  pilot?: string;
  wave?: string;
  map?: string;
  'apply-changes'?: boolean;
  pair?: string;
  person?: string;
  out?: string;
  participant?: string;
  'no-free-text'?: boolean;
  'no-audio'?: boolean;
  'shift-dates'?: boolean;
  threshold?: string;
  help?: boolean;
  yes?: boolean;
  'include-safeguarding'?: boolean;
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        vault: { type: 'string' },
        anchor: { type: 'string' },
        participants: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        pilot: { type: 'string' },
        wave: { type: 'string' },
        map: { type: 'string' },
        'apply-changes': { type: 'boolean' },
        pair: { type: 'string' },
        person: { type: 'string' },
        out: { type: 'string' },
        participant: { type: 'string' },
        'no-free-text': { type: 'boolean' },
        'no-audio': { type: 'boolean' },
        'shift-dates': { type: 'boolean' },
        threshold: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        yes: { type: 'boolean' },
        'include-safeguarding': { type: 'boolean' },
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
      case 'stats':
        if (rest[0] !== 'signed-rank' || rest.length > 1) throw usageError('Use: npm run -s cli -- stats signed-rank < pairs.json');
        return await signedRankCommand(io);
      case 'solve':
        return await solveCommand(rest, values, io);
      case 'export':
        return await exportCommand(rest, values, io);
      case 'backup':
        return await backupCommand(rest, values, io, async (host, secret) => {
          const core = await openCore(values, io, host, secret);
          return { registry: core.registry, lock: () => core.session.lock() };
        });
      case 'erase':
        return await eraseCommand(rest, values, io, async () => {
          const core = await openCore(values, io);
          return { registry: core.registry, lock: () => core.session.lock() };
        });
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
  // SQLite's own errors (damaged file, vault busy…) get the same plain message as in the app.
  const appError = error instanceof AppError ? error : fromDatabaseError(error);
  if (appError) {
    io.stderr(`${appError.message}\n`);
    return exitCodeFor(appError.code);
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

/** Unlocks the vault; pass the secret when the command needs it again afterwards, so it is asked for only once. */
async function openCore(values: Options, io: CliIo, host?: Host, secret?: UnlockInput) {
  const core = createCore(requireVault(values), host ? { host } : {});
  unwrap(await core.registry.call('vault.unlock', secret ?? (await currentSecret(io)), 'cli'));
  return core;
}

function parseAnchor(text: string): AuditAnchor {
  const [seq, hash] = text.split(':');
  const parsed = auditAnchor.safeParse({ seq: Number(seq), hash: hash?.toLowerCase() });
  if (!parsed.success) throw new CliError(EXIT.invalidInput, `--anchor must be an entry number and its hash as printed by vault check, like 12:3f9a… (64 hex characters); got "${text}".`);
  return parsed.data;
}


/** An unfinished vault stops create and check alike: say both possibilities, and the command that sets it aside. */
function reportIncomplete(dir: string, io: CliIo): number {
  io.stderr(`${incompleteVaultError(dir).message}\nTo set it aside: npm run -s cli -- vault set-aside --vault ${dir}\n`);
  return EXIT.failure;
}

/** A check that damage stops part-way is a finding too: reported as such, rather than losing the rest of the report. */
function unlessUnreadable<T>(check: () => T): T | { unreadable: string; explained: string } {
  try {
    return check();
  } catch (error) {
    const mapped = fromDatabaseError(error);
    if (mapped?.code !== 'VAULT_CORRUPT') throw error;
    return { unreadable: (error as Error).message, explained: mapped.message };
  }
}

/** integrity_check, the audit chain and the schema version, each reported even when damage stops another. */
function checkVault(db: Db, anchor: AuditAnchor | undefined, io: CliIo): number {
  const integrity = unlessUnreadable(() => (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check));
  const problems = Array.isArray(integrity) ? integrity : [`the check itself could not read the file (${integrity.unreadable})`];
  const intact = problems.length === 1 && problems[0] === 'ok';
  const audit = unlessUnreadable(() => verifyAudit(asReadDb(db), anchor));
  // The plain-words explanation once, on stderr, as for any other failure.
  const unreadable = [integrity, audit].find((result) => 'unreadable' in result) as { explained: string } | undefined;
  if (unreadable) io.stderr(`${unreadable.explained}\n`);
  const version = db.pragma('user_version', { simple: true }) as number;
  const lines = [intact ? 'integrity: ok' : `integrity: DAMAGED\n${problems.map((p) => `  ${p}`).join('\n')}`];
  if ('unreadable' in audit) {
    lines.push(`audit chain: UNREADABLE (${audit.unreadable})`);
  } else if (audit.ok) {
    lines.push(`audit chain: ok, ${plural(audit.entries, 'entry', 'entries')}`);
    if (audit.headHash) lines.push(`audit head: entry ${audit.entries}, hash ${audit.headHash}  (note both; compare later with --anchor ${audit.entries}:${audit.headHash})`);
  } else {
    lines.push(`audit chain: BROKEN at entry ${audit.brokenAt}: that entry or the one before it was altered, removed or reordered`);
  }
  if (anchor && !('unreadable' in audit) && audit.anchorMatches !== null) {
    lines.push(audit.anchorMatches ? `audit anchor: entry ${anchor.seq} still has the noted hash` : `audit anchor: entry ${anchor.seq} DOES NOT MATCH the noted hash (the trail was rewritten or cut short since)`);
  }
  lines.push(`schema version: ${version} (this app: ${LATEST_SCHEMA_VERSION})`);
  const interviews = checkInterviewDatabase(db);
  lines.push(...interviews.lines);
  io.stdout(`${lines.join('\n')}\n`);
  return intact && interviews.sound && !('unreadable' in audit) && audit.ok && audit.anchorMatches !== false ? EXIT.ok : EXIT.failure;
}

async function vaultCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  const [sub] = args;
  switch (sub) {
    case 'create': {
      const core = createCore(requireVault(values));
      if (core.session.state() === 'incomplete') return reportIncomplete(core.session.dir, io);
      const passphrase = await newPassphrase(io, 'RECIPROCAL_PASSPHRASE');
      try {
        const { recoveryKey } = unwrap(await core.registry.call('vault.create', { passphrase }, 'cli'));
        io.stdout(`Vault created in ${core.session.dir}\n\nRecovery key (shown once; store it offline, apart from the laptop):\n\n  ${recoveryKey}\n\n`);
        // Printed is handed over: there is no screen here to confirm it on, so the app will not ask again.
        unwrap(await core.registry.call('vault.confirmRecoveryKey', {}, 'cli'));
        return EXIT.ok;
      } finally {
        core.session.lock();
      }
    }
    case 'check': {
      const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
      const dir = requireVault(values);
      if (createCore(dir).session.state() === 'incomplete') return reportIncomplete(dir, io);
      const { session } = await openCore(values, io);
      try {
        const code = checkVault(session.db, anchor, io);
        if (session.damage) io.stdout('read-only: the quick check at unlock found damage, so Reciprocal opens this vault read-only (nothing can be changed) until it is restored from a backup\n');
        return code;
      } finally {
        session.lock();
      }
    }
    case 'key': {
      const passphrase = await currentPassphrase(io);
      const core = await openCore(values, io, undefined, { passphrase });
      try {
        const { key } = unwrap(await core.registry.call('vault.revealKey', { passphrase }, 'cli'));
        io.stdout(`${key}\n`);
        return EXIT.ok;
      } finally {
        core.session.lock();
      }
    }
    case 'passwd': {
      const current = await currentSecret(io);
      const core = await openCore(values, io, undefined, current);
      try {
        const next = await newPassphrase(io, 'RECIPROCAL_NEW_PASSPHRASE');
        unwrap(await core.registry.call('vault.changePassphrase', { current, next }, 'cli'));
        io.stdout('Passphrase changed. The recovery key still works.\n');
        return EXIT.ok;
      } finally {
        core.session.lock();
      }
    }
    case 'recovery': {
      const passphrase = await currentPassphrase(io);
      const core = await openCore(values, io, undefined, { passphrase });
      try {
        const { recoveryKey } = unwrap(await core.registry.call('vault.replaceRecoveryKey', { passphrase }, 'cli'));
        io.stdout(`New recovery key (shown once; store it offline, apart from the laptop). The previous one no longer works.\n\n  ${recoveryKey}\n\n`);
        unwrap(await core.registry.call('vault.confirmRecoveryKey', {}, 'cli'));
        return EXIT.ok;
      } finally {
        core.session.lock();
      }
    }
    case 'set-aside': {
      const core = createCore(requireVault(values));
      const { movedTo } = unwrap(await core.registry.call('vault.clearIncomplete', {}, 'cli'));
      io.stdout(`The unfinished vault was moved, whole, to ${movedTo}. Nothing was deleted; a new vault can now be created in ${core.session.dir}.\n`);
      return EXIT.ok;
    }
    default:
      throw usageError('Use one of: vault create | check | key | passwd | recovery | set-aside, each with --vault DIR.');
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
  if (channel.startsWith('vault.')) throw usageError('Use the `vault` commands for the vault itself (create, check, key, passwd, recovery).');
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    // Say where, never what: the input may hold personal data, and V8's message quotes it.
    const at = locateJsonError(json);
    io.stderr(`The input is not valid JSON${at ? `: ${at.problem}, at line ${at.line}, column ${at.column} (character ${at.position + 1})` : ''}. (The input is not shown here, as it may hold personal data.)\n`);
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
    unwrap(await core.registry.call('vault.confirmRecoveryKey', {}, 'cli'));
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

const IMPORT_USAGE = "Use: import eoi|logs FILE --pilot ID --vault DIR [--map 'Header=field,...'] [--apply-changes]";

/**
 * Imports a forms export through the same channels as the import screens: the file is staged, the
 * guessed (or remembered) mapping is previewed, --map changes only the columns it names, then the
 * import runs: all rows or none, row-level errors on stderr.
 */
async function importCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  const [kind, path, ...extra] = args;
  if (kind === 'survey') return surveyImportCommand(path, extra, values, io);
  if ((kind !== 'eoi' && kind !== 'logs') || !path || extra.length > 0) throw usageError(IMPORT_USAGE);
  if (kind === 'logs' && values['apply-changes']) throw usageError('--apply-changes is for import eoi: reflective logs already submitted are never changed by an import.');
  const pilotId = positiveInt(values.pilot, 0, 'pilot');
  if (pilotId === 0) throw usageError('Say which pilot with --pilot ID (see `call pilots.list`).');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(EXIT.failure, `Cannot read ${path}: ${(error as Error).message}`);
  }
  let named: Mapping<string> | undefined;
  try {
    named = values.map ? parseMapArgument<string>(values.map, kind === 'eoi' ? importFields : logImportFields) : undefined;
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const withNamed = <F extends string>(headers: string[], guessed: Mapping<F>): Mapping<F> => {
    try {
      return named ? overrideMapping(headers, guessed, named as Mapping<F>) : guessed;
    } catch (error) {
      throw usageError((error as Error).message);
    }
  };
  const core = await openCore(values, io);
  try {
    const { stagedId } = unwrap(await core.registry.call('imports.stage', { file: { name: basename(path), base64: bytes.toString('base64') } }, 'cli'));
    if (kind === 'logs') {
      const preview = unwrap(await core.registry.call('logs.importPreview', { pilotId, stagedId }, 'cli'));
      const result = await core.registry.call('logs.import', { pilotId, stagedId, mapping: withNamed(preview.headers, preview.mapping) }, 'cli');
      if (!result.ok) return reportImportRefused(result.error, io);
      io.stdout(`Imported ${plural(result.value.imported, 'reflective log')} into pilot ${pilotId}.\n`);
      return EXIT.ok;
    }
    const guessed = unwrap(await core.registry.call('participants.importPreview', { pilotId, stagedId }, 'cli'));
    const mapping = withNamed(guessed.headers, guessed.mapping);
    // The changes depend on which columns are mapped, so they are read with the mapping that will be imported.
    const { changes } = unwrap(await core.registry.call('participants.importPreview', { pilotId, stagedId, mapping }, 'cli'));
    const updates = values['apply-changes'] ? changes.map((c) => c.participantId) : [];
    const result = await core.registry.call('participants.import', { pilotId, stagedId, mapping, updates }, 'cli');
    if (!result.ok) return reportImportRefused(result.error, io);
    const { imported, updated, skipped } = result.value;
    io.stdout(`Imported ${plural(imported, 'expression of interest', 'expressions of interest')} into pilot ${pilotId}.\n`);
    if (updated > 0) io.stdout(`Updated ${plural(updated, 'person', 'people')} already registered, where the file differs.\n`);
    const unchanged = skipped - (values['apply-changes'] ? 0 : changes.length);
    if (unchanged > 0) io.stdout(`Skipped ${plural(unchanged, 'person', 'people')} already registered, unchanged.\n`);
    if (!values['apply-changes'] && changes.length > 0) {
      io.stdout(`Not changed: ${plural(changes.length, 'person', 'people')} already registered whose details differ in the file (run again with --apply-changes to apply them):\n`);
      for (const change of changes) io.stdout(`  row ${change.row}, ${change.name} <${change.email}>: ${change.differences.map((d) => `${d.field} “${d.from}” → “${d.to}”`).join('; ')}\n`);
    }
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

const SURVEY_USAGE = "Use: import survey FILE --pilot ID --wave WAVE_ID --vault DIR [--map 'Header=field,...']";

async function surveyImportCommand(path: string | undefined, extra: string[], values: Options, io: CliIo): Promise<number> {
  if (!path || extra.length > 0 || values['apply-changes']) throw usageError(SURVEY_USAGE);
  const pilotId = positiveInt(values.pilot, 0, 'pilot');
  const waveId = positiveInt(values.wave, 0, 'wave');
  if (pilotId === 0 || waveId === 0) throw usageError(`Say which pilot and wave with --pilot ID --wave WAVE_ID (see \`call surveys.overview '{"pilotId": ID}'\`). ${SURVEY_USAGE}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(EXIT.failure, `Cannot read ${path}: ${(error as Error).message}`);
  }
  const core = await openCore(values, io);
  try {
    return await importSurveyResponses(core.registry, { pilotId, waveId, fileName: basename(path), bytes, map: values.map }, io);
  } finally {
    core.session.lock();
  }
}

/** The import's refusal, with each row-level problem on its own line. */
function reportImportRefused(error: { code: Parameters<typeof exitCodeFor>[0]; message: string; issues?: { path: (string | number)[]; message: string }[] }, io: CliIo): number {
  io.stderr(`${error.message}\n`);
  for (const issue of error.issues ?? []) {
    const [, row, column] = issue.path;
    io.stderr(row === undefined ? `  ${issue.message}\n` : `  row ${row}${column ? `, column "${column}"` : ''}: ${issue.message}\n`);
  }
  return exitCodeFor(error.code);
}

/** A raw assignment problem on stdin, its optimal assignment on stdout: for scripting and auditing the matcher. */
async function solveCommand(args: string[], values: Options, io: CliIo): Promise<number> {
  // The problem comes only from stdin: anything else on the line is a mistake, not to be ignored.
  const extra = [...args, ...Object.keys(values).map((option) => `--${option}`)];
  if (extra.length > 0) throw usageError(`solve takes no arguments (got ${extra.join(' ')}). Use: npm run -s cli -- solve < problem.json`);
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
  if (args[0] === 'research') return await exportResearchCommand(values, io);
  if (args[0] === 'qdpx')
    return await exportQdpxCommand(values, io, async (host) => {
      const core = await openCore(values, io, host);
      return { registry: core.registry, lock: () => core.session.lock() };
    });
  if (args[0] === 'subject')
    return await exportSubjectCommand(values, io, async (host) => {
      const core = await openCore(values, io, host);
      return { registry: core.registry, lock: () => core.session.lock() };
    });
  if (args[0] !== 'ics' || !values.out || (!values.pair && !values.person)) throw usageError('Use: export ics (--pair ID | --person ID) --out DIR --vault DIR');
  const input = values.pair ? { pairId: positiveInt(values.pair, 0, 'pair') } : { participantId: positiveInt(values.person, 0, 'person') };
  const out = resolve(values.out);
  // The folder is made only once the export has checked the pair or person and found meetings.
  const host: Host = {
    chooseExportFolder: async () => {
      mkdirSync(out, { recursive: true });
      return out;
    },
  };
  const core = await openCore(values, io, host);
  try {
    const result = unwrap(await core.registry.call('meetings.exportIcs', input, 'cli'));
    io.stdout(`Wrote ${plural(result.events, 'meeting')} to ${resolve(result.folder, result.files[0]!)}\n`);
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

/** The research dataset into the folder given (made if needed), through the same channel as the export screen. */
async function exportResearchCommand(values: Options, io: CliIo): Promise<number> {
  if (!values.pilot || !values.out) throw usageError('Use: export research --pilot ID --out DIR --vault DIR [--no-free-text] [--shift-dates] [--threshold N]');
  const input = {
    pilotId: positiveInt(values.pilot, 0, 'pilot'),
    includeFreeText: !values['no-free-text'],
    shiftDates: values['shift-dates'] === true,
    ...(values.threshold === undefined ? {} : { threshold: positiveInt(values.threshold, 0, 'threshold') }),
  };
  const out = resolve(values.out);
  const host: Host = {
    chooseExportFolder: async () => {
      mkdirSync(out, { recursive: true });
      return out;
    },
  };
  const core = await openCore(values, io, host);
  try {
    const result = unwrap(await core.registry.call('researchExport.write', input, 'cli'));
    io.stdout(`Wrote the research dataset of ${result.pilotName} (${plural(result.people, 'person', 'people')}) to ${result.folder}\n`);
    for (const file of result.files) io.stdout(`  ${file.name.padEnd(26)} ${file.rows === null ? '' : plural(file.rows, 'row')}\n`);
    for (const item of result.leftOut) io.stdout(`Left out: ${item.what}: ${item.count}. ${item.why}\n`);
    io.stdout(`Names replaced in free text: ${result.namesReplaced}. Manifest SHA-256 (in the audit trail): ${result.manifestSha256}\n`);
    return EXIT.ok;
  } finally {
    core.session.lock();
  }
}

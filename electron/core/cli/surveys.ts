import { z } from 'zod';
import type { HandlerRegistry } from '../registry/registry';
import { overrideMapping, parseMapArgument } from '../imports';
import { comparePairs } from '../stats';
import { plural } from '../../../shared/words';
import { CliError, EXIT, exitCodeFor, usageError, type CliIo } from './io';
import { AppError } from '../errors';

/**
 * The command line's survey commands: `import survey` (the same channels as the import screen) and
 * `stats signed-rank` (the same paired comparison the analysis screen shows).
 */

/** Each row-level problem on its own line, as the other imports print them. */
function reportRefused(error: { code: Parameters<typeof exitCodeFor>[0]; message: string; issues?: { path: (string | number)[]; message: string }[] }, io: CliIo): number {
  io.stderr(`${error.message}\n`);
  for (const issue of error.issues ?? []) {
    const [, row, column] = issue.path;
    io.stderr(row === undefined ? `  ${issue.message}\n` : `  row ${row}${column ? `, column "${column}"` : ''}: ${issue.message}\n`);
  }
  return exitCodeFor(error.code);
}

export async function importSurveyResponses(
  registry: HandlerRegistry,
  request: { pilotId: number; waveId: number; fileName: string; bytes: Buffer; map: string | undefined },
  io: CliIo,
): Promise<number> {
  const { pilotId, waveId } = request;
  const overview = await registry.call('surveys.overview', { pilotId }, 'cli');
  if (!overview.ok) throw new AppError(overview.error.code, overview.error.message);
  const wave = overview.value.waves.find((w) => w.id === waveId);
  if (!wave) {
    const known = overview.value.waves.map((w) => `${w.id} (${w.title})`).join(', ') || 'none yet';
    throw new CliError(EXIT.invalidInput, `Wave ${waveId} is not a wave of pilot ${pilotId}. Its waves: ${known}.`);
  }
  const staged = await registry.call('imports.stage', { file: { name: request.fileName, base64: request.bytes.toString('base64') } }, 'cli');
  if (!staged.ok) return reportRefused(staged.error, io);
  const { stagedId } = staged.value;
  const preview = await registry.call('surveys.importPreview', { waveId, stagedId }, 'cli');
  if (!preview.ok) return reportRefused(preview.error, io);
  let mapping = preview.value.mapping;
  if (request.map) {
    try {
      mapping = overrideMapping(preview.value.headers, mapping, parseMapArgument<string>(request.map, preview.value.fields.map((f) => f.id)));
    } catch (error) {
      throw usageError(`${(error as Error).message} (items are named item<number>: ${preview.value.fields.map((f) => `${f.id} = ${f.label}`).join('; ')})`);
    }
  }
  // The mapping is shown, as on the screen: which column went where.
  const labelOf = new Map(preview.value.fields.map((f) => [f.id, f.label]));
  for (const [heading, field] of Object.entries(mapping)) if (field) io.stdout(`  "${heading}" → ${labelOf.get(field) ?? field}\n`);
  const result = await registry.call('surveys.import', { waveId, stagedId, mapping }, 'cli');
  if (!result.ok) return reportRefused(result.error, io);
  io.stdout(`Imported ${plural(result.value.imported, 'response')} into “${wave.title}” (pilot ${pilotId}).\n`);
  if (result.value.skipped > 0) io.stdout(`Skipped ${plural(result.value.skipped, 'response')} already recorded with the same answers.\n`);
  return EXIT.ok;
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const signedRankInput = z
  .object({ pairs: z.array(z.tuple([finite, finite]), { error: '"pairs" must be a list of [before, after] number pairs' }).max(1_000_000, 'At most 1,000,000 pairs') })
  .strict();

/** `{"pairs": [[before, after], …]}` on stdin → the paired comparison as JSON on stdout. */
export async function signedRankCommand(io: CliIo): Promise<number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await io.readStdin());
  } catch {
    io.stderr('The input is not valid JSON. Expected {"pairs": [[before, after], ...]}.\n');
    return EXIT.invalidInput;
  }
  const input = signedRankInput.safeParse(parsed);
  if (!input.success) {
    io.stderr(`${input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n')}\nExpected {"pairs": [[before, after], ...]}.\n`);
    return EXIT.invalidInput;
  }
  const result = comparePairs(input.data.pairs);
  const output = {
    n: result.pairs,
    zeros: result.test.zeros,
    statistic: result.test.statistic,
    pvalue: result.test.pvalue,
    method: result.test.method,
    effectSize: result.effectSize,
    medianBefore: result.medianBefore,
    medianAfter: result.medianAfter,
    ...(result.test.method === 'none' ? { reason: result.pairs === 0 ? 'No pairs: there is nothing to test.' : 'Every difference is zero: nobody changed, so there is no test.' } : {}),
  };
  io.stdout(`${JSON.stringify(output)}\n`);
  return EXIT.ok;
}

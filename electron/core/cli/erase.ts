/**
 * `erase participant ID --vault DIR [--yes] [--include-safeguarding]`: one person's erasure through
 * the same channels as the app. It prints the preview first (counts per kind) and, in a terminal,
 * asks for the person's name typed out (the terminal's only prompt does not echo, as for the
 * passphrase); `--yes` erases without asking, for scripts. Safeguarding concerns about them are
 * kept unless `--include-safeguarding` is given: the separate confirmation the app asks for too.
 */
import type { HandlerRegistry } from '../registry/registry';
import type { Envelope } from '../../../shared/contract';
import { AppError } from '../errors';
import { plural } from '../../../shared/words';
import { CliError, EXIT, usageError, type CliIo } from './io';

/** A refusal becomes the same AppError the app shows, which the command line reports with its exit code. */
function valueOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

const USAGE = 'Use: erase participant ID --vault DIR [--yes] [--include-safeguarding]';

export async function eraseCommand(
  args: string[],
  options: { yes?: boolean; 'include-safeguarding'?: boolean },
  io: CliIo,
  open: () => Promise<{ registry: HandlerRegistry; lock: () => void }>,
): Promise<number> {
  const [what, idText, ...extra] = args;
  const participantId = Number(idText);
  if (what !== 'participant' || extra.length > 0 || !Number.isSafeInteger(participantId) || participantId < 1) throw usageError(USAGE);
  if (!options.yes && !io.promptSecret) throw usageError('Erasing cannot be undone: run it in a terminal to confirm it, or add --yes.');
  const core = await open();
  try {
    const preview = valueOf(await core.registry.call('erasure.previewPerson', { participantId }, 'cli'));
    if (preview.erased) throw new CliError(EXIT.failure, `Person no. ${participantId} was already erased. Nothing was changed.`);
    io.stdout(`Erasing person no. ${participantId} removes:\n`);
    for (const { label, count } of preview.counts) if (count > 0) io.stdout(`  ${label}: ${count}\n`);
    io.stdout('  Their name in other people’s text: replaced with “[removed]”\n');
    if (preview.withdrawsFirst) io.stdout('They are still taking part: they are withdrawn first (their pairs end, their remaining meetings are cancelled).\n');
    if (preview.safeguardingConcerns > 0) {
      io.stdout(
        options['include-safeguarding']
          ? `${plural(preview.safeguardingConcerns, 'safeguarding concern')} about them: erased too (--include-safeguarding).\n`
          : `${plural(preview.safeguardingConcerns, 'safeguarding concern')} about them: kept; add --include-safeguarding to erase them too.\n`,
      );
    }
    let confirmName = preview.name;
    if (!options.yes) {
      confirmName = await io.promptSecret!(`This cannot be undone. Type their name (${preview.name}) to erase them: `);
    }
    const certificate = valueOf(await core.registry.call('erasure.erasePerson', { participantId, confirmName, includeSafeguarding: options['include-safeguarding'] === true }, 'cli'));
    io.stdout(`Erased. Certificate no. ${certificate.id}; audit entry ${certificate.audit.seq} (${certificate.audit.hash}); clean-up took ${certificate.cleanup.tookMs} ms.\n`);
    io.stdout('Backups made before now still hold this person until they expire or are deleted.\n');
    return EXIT.ok;
  } finally {
    core.lock();
  }
}

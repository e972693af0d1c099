import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call, type ApiError } from '../../api';
import { toBase64 } from '../base64';
import { errorText } from '../errors';
import { MAX_IMPORT_BYTES, type StagedFile } from '../../../../shared/imports/contract';
import type { ChannelInput, ChannelOutput } from '../../../../shared/contract';

/** Lets a staged file go (leaving the screen, or choosing another). Nothing to do if it already went, with a lock. */
const discard = (stagedId: string | undefined) => {
  if (stagedId) call('imports.discard', { stagedId }).catch(() => undefined);
};

/**
 * A chosen file, sent once to the main process, which reads it (CSV or an Excel workbook) and keeps
 * it in memory for this screen's previews and its import. Choosing a file again reads it again; the
 * file is let go when another is chosen or the screen is left.
 */
export function useStagedFile() {
  const [file, setFile] = useState<StagedFile>();
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string>();
  // Answers about an earlier choice are dropped, and the file they staged let go.
  const latest = useRef(0);
  const staged = useRef<string | undefined>(undefined);

  useEffect(() => () => discard(staged.current), []);

  const choose = async (picked: File) => {
    const mine = ++latest.current;
    discard(staged.current);
    staged.current = undefined;
    setFile(undefined);
    setProblem(undefined);
    setReading(true);
    try {
      if (picked.size > MAX_IMPORT_BYTES) throw new Error('The file is larger than 20 MB. Export only the columns you need, or split it.');
      const base64 = toBase64(new Uint8Array(await picked.arrayBuffer()));
      const answer = await call('imports.stage', { file: { name: picked.name, base64 } });
      if (mine !== latest.current) return discard(answer.stagedId);
      staged.current = answer.stagedId;
      setFile(answer);
    } catch (error) {
      if (mine === latest.current) setProblem(errorText(error));
    } finally {
      if (mine === latest.current) setReading(false);
    }
  };

  /** After an import: the file is done with. */
  const clear = () => {
    latest.current += 1;
    discard(staged.current);
    staged.current = undefined;
    setFile(undefined);
  };

  return { file, reading, problem, choose, clear };
}

export type StagedFileState = ReturnType<typeof useStagedFile>;

type PreviewChannel = 'participants.importPreview' | 'logs.importPreview' | 'surveys.importPreview';

/**
 * A kind's preview of the staged file with a mapping: a query keyed on both, so a changed column
 * sends the mapping alone. While a new mapping is checked, the last answer for the same file stays
 * on screen (and the select just changed keeps the focus); a new file starts afresh.
 */
export function useImportPreview<C extends PreviewChannel>(channel: C, input: ChannelInput<C> | undefined) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input!),
    enabled: input !== undefined,
    placeholderData: (previous, previousQuery) => ((previousQuery?.queryKey[1] as { stagedId?: string } | undefined)?.stagedId === input?.stagedId ? previous : undefined),
  });
}

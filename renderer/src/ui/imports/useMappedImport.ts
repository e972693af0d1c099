import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { refreshAfter } from '../../queries';
import { useNotices } from '../Notices';
import { errorText } from '../errors';
import { useImportPreview, useStagedFile } from './useStagedFile';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/contract';
import type { ImportCounts, RowError } from '../../../../shared/imports/contract';

type MappedPreviewChannel = 'participants.importPreview' | 'logs.importPreview' | 'surveys.importPreview';

/** The staged file and, once the coordinator changed a column, the mapping they chose for it. */
export interface MappedFile<Mapping> {
  stagedId: string;
  mapping?: Mapping;
}

interface MappedImportOptions<C extends MappedPreviewChannel, Mapping, Result> {
  /** The preview's input for the staged file (the screen adds its pilot or wave). */
  previewInput: (file: MappedFile<Mapping>) => ChannelInput<C>;
  /** Imports every row with the mapping previewed. */
  importFile: (file: Required<MappedFile<Mapping>>) => Promise<Result>;
  /** What the notice says once imported. */
  importedNotice: (result: Result, fileName: string) => string;
  /** The command whose queries are refreshed after the import. */
  refresh: Channel;
  /** What else happens once imported, before the refresh (say, going back to the list). */
  afterImport?: () => void;
}

/**
 * A file imported with one column per field: the file is read once and previewed against a mapping
 * (guessed, remembered, or changed column by column), then every row is imported or none. Errors
 * found only at import time (say, a record added meanwhile) join the preview's in the same table.
 */
export function useMappedImport<C extends MappedPreviewChannel, Mapping extends Record<string, string>, Result>(
  previewChannel: C,
  { previewInput, importFile, importedNotice, refresh, afterImport }: MappedImportOptions<C, Mapping, Result>,
) {
  const uid = useId();
  const client = useQueryClient();
  const { notify } = useNotices();
  const staged = useStagedFile();
  const stagedId = staged.file?.stagedId;
  const [chosen, setChosen] = useState<{ stagedId: string; mapping: Mapping }>();
  const mapping = chosen?.stagedId === stagedId ? chosen?.mapping : undefined;
  const [importErrors, setImportErrors] = useState<{ stagedId: string; errors: RowError[] }>();
  const [problem, setProblem] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const previewQuery = useImportPreview(previewChannel, stagedId ? previewInput({ stagedId, ...(mapping ? { mapping } : {}) }) : undefined);
  const preview = stagedId ? previewQuery.data : undefined;
  const facts: { mapping: Record<string, string>; errors: RowError[]; missingFields: string[]; counts: ImportCounts } | undefined = preview;
  const checking = previewQuery.isFetching;
  const previewedMapping = facts?.mapping as Mapping | undefined;

  // A new file moves focus to what was read; changing a column keeps it on the column's select.
  const shownFile = preview ? stagedId : undefined;
  useEffect(() => {
    if (shownFile) resultHeading.current?.focus();
  }, [shownFile]);

  const remap = (header: string, field: Mapping[string]) => {
    if (!previewedMapping || !stagedId) return;
    setChosen({ stagedId, mapping: { ...previewedMapping, [header]: field } });
  };

  const importAll = async () => {
    if (!previewedMapping || !stagedId || !staged.file) return;
    setProblem(undefined);
    try {
      const result = await importFile({ stagedId, mapping: previewedMapping });
      const name = staged.file.name;
      staged.clear();
      notify(importedNotice(result, name));
      afterImport?.();
      await refreshAfter(client, refresh);
    } catch (error) {
      if (error instanceof ApiError && error.issues.some((i) => i.path[0] === 'rows')) {
        setImportErrors({ stagedId, errors: error.issues.map((i) => ({ row: Number(i.path[1]), column: String(i.path[2] ?? ''), message: i.message })) });
      }
      setProblem(errorText(error));
    }
  };

  const errors = (importErrors?.stagedId === stagedId ? importErrors?.errors : undefined) ?? facts?.errors ?? [];
  const missing: ChannelOutput<C>['missingFields'] = preview?.missingFields ?? [];
  const counts = facts?.counts;
  // Nothing stands in the way; whether there is anything to write is the screen's to say (new rows here).
  const ready = Boolean(preview && counts && !checking && missing.length === 0 && errors.length === 0);
  const canImport = ready && (counts?.new ?? 0) > 0;
  const shown = preview as ChannelOutput<C> | undefined;
  const fileName = staged.file?.name;

  return {
    uid,
    staged,
    /** The preview of the file now chosen, if read. */
    preview: preview as ChannelOutput<C> | undefined,
    previewError: previewQuery.error,
    checking,
    /** Whether the coordinator changed a column of this file (so the mapping is no longer only remembered). */
    remapped: mapping !== undefined,
    remap,
    errors,
    missing,
    counts,
    /** Read, checked, every required column mapped and no row with a problem. */
    ready,
    /** Ready, with new rows to import. */
    canImport,
    problem,
    resultHeading,
    importAll,
    /** ChooseFileStep's share of the state: the file, the check under way and why it failed. */
    fileStep: { headingId: `${uid}-file`, staged, checking, previewError: previewQuery.error },
    /** MappedImportResult's share, once the file is read (the screen adds its words and its Import button's label). */
    resultStep:
      shown && fileName
        ? {
            headingId: `${uid}-result`,
            headingRef: resultHeading,
            fileName,
            rowCount: shown.rowCount,
            remembered: shown.mappingRemembered && mapping === undefined,
            errors,
            format: shown.format,
            problem,
            canImport,
            onImport: () => void importAll(),
          }
        : undefined,
  };
}

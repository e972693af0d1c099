import { useState } from 'react';
import { useNotices } from './Notices';
import { errorText } from './errors';
import { isCancelled } from './export-result';

export interface ExportOptions<Result> {
  /** The notice once the files are written ("Wrote the report to …"). */
  written: (result: Result) => string;
  /**
   * Where a failure is told: `banner` hands it back as `failed`, for a banner on the page that stays
   * until the next try; `notice` shows it as an error notice.
   */
  failuresAs?: 'banner' | 'notice';
  /** Whether closing the folder dialog is acknowledged with a notice (it is a choice, never a failure). */
  announceCancel?: boolean;
}

/**
 * One export from a screen: runs it (the main process asks for the folder and writes), says where
 * it went, treats a closed folder dialog as a choice rather than a failure, and tracks `busy` so the
 * button cannot start a second export while one is writing.
 */
export function useExport<Result>(run: () => Promise<Result>, { written, failuresAs = 'banner', announceCancel = true }: ExportOptions<Result>) {
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();

  const start = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      notify(written(await run()));
    } catch (failure) {
      if (isCancelled(failure)) {
        if (announceCancel) notify(errorText(failure));
      } else if (failuresAs === 'notice') notify(errorText(failure), { tone: 'error' });
      else setFailed(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return { start, busy, failed };
}

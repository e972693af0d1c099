import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { gibbsLabels, gibbsPrompts, gibbsStages, type GibbsEntry, type GibbsStage, type ReflectiveLog } from '../../../../shared/logs/contract';
import { ApiError, call } from '../../api';
import { queryClient, useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { TextAreaInput } from '../../ui/Field';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { formatDate } from '../../ui/format';
import { usePilotId } from '../pilots/usePilotId';
import { formatClock, formatDay, logsPath, pairPath, refreshMeetingsAndLogs } from '../meetings/common';
import { registerPendingSave } from '../../app/pending-saves';
import { FormError } from '../../ui/FormDialog';
import { errorText } from '../../ui/words';

/** Typing stops for this long → the draft is saved. */
const SAVE_AFTER_MS = 800;

const emptyEntry: GibbsEntry = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

interface About {
  pairId: number;
  authorName: string;
  role: 'mentor' | 'mentee';
  sequence: number;
  meetingDate: string;
  themeTitle: string;
}

/** One person's log for one held meeting: loads what exists, then hands it to the editor once. */
export function WriteLog() {
  const pilotId = usePilotId();
  const params = useParams();
  const meetingId = Number(params.meetingId);
  const authorId = Number(params.authorId);
  const log = useChannel('logs.get', { meetingId, authorId });
  // No log yet: what the meeting is comes from the owed list (a held meeting without a log is owed).
  const owed = useChannel('logs.owed', { pilotId }, { enabled: log.data === null });
  // The editor starts from a fresh read, never from a cached copy that may predate the last save.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!ready && log.isSuccess && !log.isFetching) setReady(true);
  }, [ready, log.isSuccess, log.isFetching]);

  const back = (
    <p className="back-link">
      <Link to={logsPath(pilotId, 'owed')}>Reflective logs</Link>
    </p>
  );
  if (log.error || owed.error) {
    return (
      <>
        {back}
        <PageHeader title="Reflective log" />
        <ErrorMessage error={log.error ?? owed.error} />
      </>
    );
  }
  if (!ready || log.data === undefined || (log.data === null && owed.isPending)) return <Loading />;
  const found = log.data ?? owed.data?.find((o) => o.meetingId === meetingId && o.authorId === authorId);
  if (!found) {
    return (
      <>
        {back}
        <PageHeader title="Reflective log" />
        <p className="error-banner" role="alert">
          There is no log to write here: the meeting is not marked held, or this person is not one of its two people.
        </p>
      </>
    );
  }
  const about: About = {
    pairId: found.pairId,
    authorName: found.authorName,
    role: found.role,
    sequence: found.sequence,
    meetingDate: 'meetingDate' in found ? found.meetingDate : found.heldOn,
    themeTitle: found.themeTitle,
  };
  return (
    <>
      {back}
      <LogEditor key={`${meetingId}-${authorId}`} meetingId={meetingId} authorId={authorId} pilotId={pilotId} about={about} initial={log.data} />
    </>
  );
}

type SaveStatus =
  | { kind: 'new' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; earlier?: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'submitted'; at: string; earlier?: boolean }
  | { kind: 'unsubmitted' }
  | { kind: 'not-provided' };

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'new':
      return 'Nothing written yet. What you type is saved as a draft as you go.';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return status.earlier ? `Draft last saved on ${formatDate(status.at.slice(0, 10))} at ${formatClock(status.at)}.` : `Saved as draft at ${formatClock(status.at)}.`;
    case 'failed':
      return `Not saved: ${status.message} It is saved again when you next pause typing.`;
    case 'submitted':
      return status.earlier ? `Submitted on ${formatDate(status.at.slice(0, 10))} at ${formatClock(status.at)}.` : `Submitted at ${formatClock(status.at)}.`;
    case 'unsubmitted':
      return 'Changes not submitted yet: a submitted log changes only when you press Submit changes.';
    case 'not-provided':
      return 'Recorded as not provided. What you type is saved as a draft as you go.';
  }
}

function initialStatus(log: ReflectiveLog | null): SaveStatus {
  if (!log) return { kind: 'new' };
  if (log.state === 'submitted') return { kind: 'submitted', at: log.submittedAt ?? log.updatedAt, earlier: true };
  if (log.state === 'draft') return { kind: 'saved', at: log.updatedAt, earlier: true };
  return { kind: 'not-provided' };
}

function LogEditor({ meetingId, authorId, pilotId, about, initial }: { meetingId: number; authorId: number; pilotId: number; about: About; initial: ReflectiveLog | null }) {
  const { notify } = useNotices();
  const [stages, setStages] = useState<GibbsEntry>(initial?.stages ?? emptyEntry);
  const [state, setState] = useState<ReflectiveLog['state'] | 'none'>(initial?.state ?? 'none');
  const [status, setStatus] = useState<SaveStatus>(() => initialStatus(initial));
  const [descriptionError, setDescriptionError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  // What is on screen, what the vault holds, and whether the vault's copy is submitted: kept in
  // refs so the save that runs on pagehide or unmount sees the latest keystrokes.
  const latest = useRef(stages);
  const persisted = useRef(JSON.stringify(stages));
  const stateRef = useRef(state);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const mounted = useRef(true);
  const submittedAt = useRef(initial?.submittedAt ?? initial?.updatedAt ?? '');

  const remember = useCallback(
    (log: ReflectiveLog) => {
      // The cache holds what the vault holds, so reopening the log shows the last save.
      queryClient.setQueryData(['logs.get', { meetingId, authorId }], log);
      void refreshMeetingsAndLogs('none');
    },
    [meetingId, authorId],
  );

  /** Saves the draft now if anything changed since the last save; saves run one after another. */
  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    chain.current = chain.current.then(async () => {
      // The core refuses a draft over a submitted log: those changes wait for "Submit changes".
      if (stateRef.current === 'submitted') return;
      const snapshot = latest.current;
      const text = JSON.stringify(snapshot);
      if (text === persisted.current) return;
      if (mounted.current) setStatus({ kind: 'saving' });
      try {
        const saved = await call('logs.saveDraft', { meetingId, authorId, stages: snapshot });
        persisted.current = text;
        stateRef.current = 'draft';
        remember(saved);
        if (mounted.current) {
          setState('draft');
          setStatus({ kind: 'saved', at: saved.updatedAt });
        }
      } catch (error) {
        if (mounted.current) setStatus({ kind: 'failed', message: errorText(error) });
      }
    });
    return chain.current;
  }, [meetingId, authorId, remember]);

  // Also saved when the window is hidden or the page goes away (a reload on lock), on leaving, and
  // before the vault locks (the lock awaits flushPendingSaves).
  useEffect(() => {
    mounted.current = true;
    const unregister = registerPendingSave(flush);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      mounted.current = false;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      unregister();
      void flush();
    };
  }, [flush]);

  const change = (stage: GibbsStage) => (event: ChangeEvent<HTMLTextAreaElement>) => {
    const next = { ...latest.current, [stage]: event.target.value };
    latest.current = next;
    setStages(next);
    if (stage === 'description') setDescriptionError(undefined);
    if (stateRef.current === 'submitted') {
      setStatus(JSON.stringify(next) === persisted.current ? { kind: 'submitted', at: submittedAt.current, earlier: true } : { kind: 'unsubmitted' });
      return;
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    window.clearTimeout(timer.current);
    setSubmitting(true);
    setFormError(undefined);
    setDescriptionError(undefined);
    await chain.current;
    const again = stateRef.current === 'submitted';
    const snapshot = latest.current;
    try {
      const saved = await call('logs.submit', { meetingId, authorId, stages: snapshot });
      persisted.current = JSON.stringify(snapshot);
      stateRef.current = 'submitted';
      submittedAt.current = saved.updatedAt;
      remember(saved);
      setState('submitted');
      setStatus({ kind: 'submitted', at: saved.updatedAt });
      await refreshMeetingsAndLogs();
      notify(again ? 'Changes submitted.' : `${about.authorName}’s log for meeting ${about.sequence} submitted.`);
    } catch (error) {
      const issue = error instanceof ApiError ? error.issues.find((i) => i.path.join('.') === 'stages.description') : undefined;
      if (issue) {
        setDescriptionError(issue.message);
        descriptionRef.current?.focus();
      } else setFormError(errorText(error));
    } finally {
      setSubmitting(false);
    }
  };

  const submitted = state === 'submitted';
  return (
    <>
      <PageHeader
        title={`${about.authorName}’s reflective log`}
        description={
          <>
            Meeting {about.sequence}: {about.themeTitle}, held on {formatDay(about.meetingDate)}. Written by the {about.role === 'mentor' ? 'mentor (student)' : 'mentee (staff member)'}.{' '}
            <Link to={pairPath(pilotId, about.pairId)}>The pair’s meetings</Link>
          </>
        }
      />
      {initial?.state === 'not-provided' && state === 'not-provided' ? (
        <p className="ml-callout">
          Recorded as not provided{initial.notProvidedReason ? `: “${initial.notProvidedReason}”` : ''}. Writing here turns it back into a draft.
        </p>
      ) : null}
      {initial?.source === 'imported' ? <p className="ml-callout">Imported from a form export. Changes you submit here replace the imported text.</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="form ml-gibbs" aria-label={`Reflective log for meeting ${about.sequence}`}>
        <p className="hint ml-gibbs-intro">Gibbs’ reflective cycle, one stage after another. Only the Description is needed to submit; a few honest sentences per stage are plenty.</p>
        {gibbsStages.map((stage) => (
          <TextAreaInput
            key={stage}
            ref={stage === 'description' ? descriptionRef : undefined}
            label={gibbsLabels[stage]}
            description={gibbsPrompts[stage]}
            required={stage === 'description'}
            rows={stage === 'description' ? 5 : 4}
            value={stages[stage]}
            onChange={change(stage)}
            onBlur={() => void flush()}
            // Chromium leaves a half-visible field where it is on focus: bring it clear of the sticky
            // bar (the page's scroll-padding keeps that bar's height free; WCAG 2.4.11).
            onFocus={(event) => event.currentTarget.scrollIntoView({ block: 'nearest' })}
            error={stage === 'description' ? descriptionError : undefined}
          />
        ))}
        <FormError message={formError} />
        <div className="ml-log-footer">
          <p className={`ml-save-status ml-save-${status.kind}`} role="status" aria-live="polite">
            {statusText(status)}
          </p>
          <Button type="submit" variant="primary" busy={submitting}>
            {submitted ? 'Submit changes' : 'Submit log'}
          </Button>
        </div>
      </form>
    </>
  );
}

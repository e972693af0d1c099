import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { gibbsLabels, gibbsPrompts, gibbsStages, type GibbsEntry, type GibbsStage, type ReflectiveLog } from '../../../../shared/logs/contract';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { refreshAfter } from '../../queries';
import { Button } from '../../ui/Button';
import { TextAreaInput } from '../../ui/Field';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { useAutosave } from '../../ui/useAutosave';
import { saveDraft, submitLog, useLog, useOwedLogs } from './api';
import { FormError } from '../../ui/FormDialog';
import { formatClock, formatDate, formatDay } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { logsPath, pairMeetingsPath } from '../../app/paths';
import { errorText } from '../../ui/errors';
import { RaiseConcernButton } from '../../app/RaiseConcernButton';

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
  const log = useLog(meetingId, authorId);
  // No log yet: what the meeting is comes from the owed list (a held meeting without a log is owed).
  const owed = useOwedLogs({ pilotId, meetingId, authorId, limit: 1 }, { enabled: log.data === null });
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
  const found = log.data ?? owed.data?.rows[0];
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
  const client = useQueryClient();
  const [stages, setStages] = useState<GibbsEntry>(initial?.stages ?? emptyEntry);
  const [state, setState] = useState<ReflectiveLog['state'] | 'none'>(initial?.state ?? 'none');
  const [status, setStatus] = useState<SaveStatus>(() => initialStatus(initial));
  const [descriptionError, setDescriptionError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  // Read by saves that run after this render (on pagehide, on leaving): the vault's copy may be submitted by then.
  const stateRef = useRef(state);
  const submittedAt = useRef(initial?.submittedAt ?? initial?.updatedAt ?? '');

  const remember = (log: ReflectiveLog, savedBy: 'logs.saveDraft' | 'logs.submit') => {
    // The cache holds what the vault holds, so reopening the log shows the last save.
    client.setQueryData(['logs.get', { meetingId, authorId }], log);
    // While someone types, lists that count logs are only marked stale: they refetch when shown.
    return refreshAfter(client, savedBy, { refetch: savedBy === 'logs.saveDraft' ? 'none' : 'active' });
  };

  const autosave = useAutosave({
    initial: initial?.stages ?? emptyEntry,
    save: (snapshot: GibbsEntry) => saveDraft({ meetingId, authorId, stages: snapshot }),
    // The core refuses a draft over a submitted log: those changes wait for "Submit changes".
    canSave: () => stateRef.current !== 'submitted',
    onSaving: () => setStatus({ kind: 'saving' }),
    onSaved: (saved) => {
      stateRef.current = 'draft';
      setState('draft');
      setStatus({ kind: 'saved', at: saved.updatedAt });
      void remember(saved, 'logs.saveDraft');
    },
    onFailed: (error) => setStatus({ kind: 'failed', message: errorText(error) }),
  });

  const change = (stage: GibbsStage) => (event: ChangeEvent<HTMLTextAreaElement>) => {
    const next = { ...autosave.latest(), [stage]: event.target.value };
    setStages(next);
    autosave.change(next);
    if (stage === 'description') setDescriptionError(undefined);
    if (stateRef.current === 'submitted') {
      setStatus(autosave.isSaved(next) ? { kind: 'submitted', at: submittedAt.current, earlier: true } : { kind: 'unsubmitted' });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setFormError(undefined);
    setDescriptionError(undefined);
    await autosave.settle();
    const again = stateRef.current === 'submitted';
    const snapshot = autosave.latest();
    try {
      const saved = await submitLog({ meetingId, authorId, stages: snapshot });
      autosave.markSaved(snapshot);
      stateRef.current = 'submitted';
      submittedAt.current = saved.updatedAt;
      setState('submitted');
      setStatus({ kind: 'submitted', at: saved.updatedAt });
      await remember(saved, 'logs.submit');
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
        actions={<RaiseConcernButton source={{ kind: 'log', meetingId, authorId }} />}
        description={
          <>
            Meeting {about.sequence}: {about.themeTitle}, held on {formatDay(about.meetingDate)}. Written by the {about.role === 'mentor' ? 'mentor (student)' : 'mentee (staff member)'}.{' '}
            <Link to={pairMeetingsPath(pilotId, about.pairId)}>The pair’s meetings</Link>
          </>
        }
      />
      {initial?.state === 'not-provided' && state === 'not-provided' ? (
        <p className="callout">
          Recorded as not provided{initial.notProvidedReason ? `: “${initial.notProvidedReason}”` : ''}. Writing here turns it back into a draft.
        </p>
      ) : null}
      {initial?.source === 'imported' ? <p className="callout">Imported from a form export. Changes you submit here replace the imported text.</p> : null}
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
            onBlur={() => void autosave.flush()}
            // Chromium leaves a half-visible field where it is on focus: bring it clear of the sticky
            // bar (the page's scroll-padding keeps that bar's height free; WCAG 2.4.11).
            onFocus={(event) => event.currentTarget.scrollIntoView({ block: 'nearest' })}
            error={stage === 'description' ? descriptionError : undefined}
          />
        ))}
        <FormError message={formError} />
        <div className="ml-log-footer" role="group" aria-label="Save and submit">
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

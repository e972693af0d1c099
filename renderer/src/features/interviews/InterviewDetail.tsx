import { useState } from 'react';
import type { InterviewDetail as Detail } from '../../../../shared/interviews/contract';
import { formatDate } from '../../../../shared/dates';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { TextAreaInput } from '../../ui/Field';
import { FormError } from '../../ui/FormDialog';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { SectionCard } from '../../ui/SectionCard';
import { errorText } from '../../ui/errors';
import { useCheckConsent, useInterview, useMarkDone, useSaveNotes } from './api';
import { InterviewRecording } from './recording/InterviewRecording';
import { TranscriptSection } from './transcript/TranscriptSection';
import { ImportRecording } from './audio/ImportRecording';
import { RecordingPlayback } from './audio/RecordingPlayback';
import { WithLatestRecording } from './audio/WithLatestRecording';

const consentLabels: [keyof Detail['consent'] & ('takePart' | 'audioRecording' | 'directQuotes' | 'archiving'), string][] = [
  ['takePart', 'Take part in the interview'],
  ['audioRecording', 'Audio recording'],
  ['directQuotes', 'Direct quotes in reports'],
  ['archiving', 'Archiving'],
];

/**
 * One interview, for its interviewer or the coordinator: the consent check comes first (nothing
 * can be noted before it), then the recording (recording/: only after the check, with audio
 * consent; otherwise it says why), then the guide's questions with notes.
 */
export function InterviewDetail({ interviewId, backLink }: { interviewId: number; backLink?: React.ReactNode }) {
  const interview = useInterview(interviewId);
  if (interview.isPending) return <Loading label="Opening the interview…" />;
  if (interview.error) return <ErrorMessage error={interview.error} />;
  const detail = interview.data;
  return (
    <>
      {backLink}
      <PageHeader
        title={`Interview with ${detail.personName}`}
        description={`${formatDate(detail.scheduledOn)} at ${detail.startsAt}${detail.place ? `, ${detail.place}` : ''} · interviewer ${detail.interviewerName} · ${statusWords[detail.status]}`}
      />
      {detail.onlineLink ? (
        <p>
          Online: <span className="interview-link">{detail.onlineLink}</span>
        </p>
      ) : null}
      <ConsentCheck detail={detail} />
      <InterviewRecording detail={detail} player={(recording) => <RecordingPlayback recording={recording} detail={detail} />} />
      <ImportRecording detail={detail} />
      {detail.consentCheckedAt ? <GuideNotes detail={detail} /> : null}
      {detail.consentCheckedAt ? (
        <WithLatestRecording detail={detail}>{(audio, player) => <TranscriptSection interviewId={detail.id} pilotId={detail.pilotId} readOnly={detail.status === 'cancelled'} audio={audio} player={player} />}</WithLatestRecording>
      ) : null}
    </>
  );
}

const statusWords = { scheduled: 'scheduled', done: 'done', cancelled: 'cancelled' } as const;

function ConsentCheck({ detail }: { detail: Detail }) {
  const check = useCheckConsent();
  const done = useMarkDone();
  const { consent } = detail;
  return (
    <SectionCard headingId="consent-check" title="Consent check">
      <p>Go through these with {detail.personName} before you begin. They were copied from the coordinator’s register on {formatDate(consent.copiedAt.slice(0, 10))}.</p>
      <ul className="consent-list" aria-label={`${detail.personName}’s consents`}>
        {consentLabels.map(([key, label]) => (
          <li key={key}>
            <strong>{label}:</strong> {consent[key] ? 'yes' : 'no'}
          </li>
        ))}
      </ul>
      {consent.withdrawn ? <Callout tone="warning">{detail.personName} has withdrawn. This interview cannot go ahead.</Callout> : null}
      {detail.consentCheckedAt ? (
        <p>Consent checked on {formatDate(detail.consentCheckedAt.slice(0, 10))}.</p>
      ) : detail.status === 'scheduled' && consent.takePart ? (
        <Button variant="primary" busy={check.isPending} onPress={() => check.mutate({ interviewId: detail.id })}>
          I have checked these consents with {detail.personName}
        </Button>
      ) : null}
      <FormError message={check.error ? errorText(check.error) : undefined} />
      {detail.status === 'scheduled' && detail.consentCheckedAt ? (
        <Button busy={done.isPending} onPress={() => done.mutate({ interviewId: detail.id })}>
          Mark the interview as done
        </Button>
      ) : null}
      <FormError message={done.error ? errorText(done.error) : undefined} />
    </SectionCard>
  );
}

function GuideNotes({ detail }: { detail: Detail }) {
  const questions = [...(detail.guide?.questions ?? []).map((q) => ({ id: q.id, question: q.question, prompts: q.prompts })), { id: 0, question: 'General notes', prompts: [] as string[] }];
  return (
    <SectionCard headingId="guide-notes" title={detail.guide ? `${detail.guide.title} (version ${detail.guide.version})` : 'Notes'}>
      {detail.guide ? null : <p>This pilot has no interview guide yet; write general notes below.</p>}
      <ol className="guide-notes">
        {questions.map((q) => (
          <li key={q.id}>
            <NoteField interviewId={detail.id} questionId={q.id} question={q.question} prompts={q.prompts} saved={detail.notes.find((n) => n.questionId === q.id)?.body ?? ''} readOnly={detail.status === 'cancelled'} />
          </li>
        ))}
      </ol>
    </SectionCard>
  );
}

function NoteField({ interviewId, questionId, question, prompts, saved, readOnly }: { interviewId: number; questionId: number; question: string; prompts: string[]; saved: string; readOnly: boolean }) {
  const [text, setText] = useState(saved);
  const save = useSaveNotes();
  const changed = text !== saved;
  return (
    <div className="note-field">
      <TextAreaInput
        label={question}
        description={prompts.length > 0 ? `Follow-up: ${prompts.join(' · ')}` : undefined}
        value={text}
        rows={3}
        readOnly={readOnly}
        onChange={(event) => setText(event.target.value)}
        // Saved when the field is left, so nothing typed is lost by moving on to the next question.
        onBlur={() => changed && !readOnly && save.mutate({ interviewId, questionId, body: text })}
      />
      <p className="field-description" aria-live="polite">
        {save.isPending ? 'Saving…' : save.error ? '' : changed ? 'Not saved yet' : saved ? 'Saved' : ''}
      </p>
      <FormError message={save.error ? errorText(save.error) : undefined} />
    </div>
  );
}

import { useState } from 'react';
import { Link, Navigate, Route, Routes, useParams, useSearchParams } from 'react-router';
import { guideAudienceLabels, type Guide, type GuideAudience, type InterviewRow } from '../../../../shared/interviews/contract';
import { formatDate } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { pilotPath } from '../../app/paths';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { FormDialog, FormError } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { SectionCard } from '../../ui/SectionCard';
import { Table } from '../../ui/Table';
import { Tabs } from '../../ui/Tabs';
import { errorText } from '../../ui/errors';
import { InterviewDetail } from './InterviewDetail';
import {
  useAddInterviewer,
  useCancelInterview,
  useGuides,
  useInterviewPage,
  useInterviewers,
  usePeopleToInterview,
  useRemoveInterviewer,
  useSaveGuide,
  useSchedule,
  useStartGuide,
} from './api';
import './interviews.css';
import { DateInput } from '../../ui/DateInput';
import { PersonPicker } from '../../ui/PersonPicker';
import { ConfirmWarnings, useConfirmations } from '../../ui/confirmations';
import { toPersonOption } from '../../app/pilot-people';

const interviewsPath = (pilotId: number, rest = '') => pilotPath(pilotId, `interviews${rest ? `/${rest}` : ''}`);
type TabId = 'schedule' | 'guide' | 'interviewers';

/** Stage 11 for the coordinator: the schedule, the guide and the interviewers. */
export function InterviewsPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<InterviewsHome />} />
      <Route path=":interviewId" element={<OneInterview />} />
      <Route path="*" element={<Navigate to={interviewsPath(pilotId)} replace />} />
    </Routes>
  );
}

function OneInterview() {
  const pilotId = usePilotId();
  const interviewId = Number(useParams().interviewId);
  return <InterviewDetail interviewId={interviewId} backLink={<Link to={interviewsPath(pilotId)}>← Closing interviews</Link>} />;
}

function InterviewsHome() {
  const pilotId = usePilotId();
  const [params, setParams] = useSearchParams();
  const tab = (['schedule', 'guide', 'interviewers'] as const).find((id) => id === params.get('tab')) ?? 'schedule';
  return (
    <>
      <PageHeader
        title="Closing interviews"
        description="Interviewers open the vault with their own passphrase and see only the interviews you give them: the person’s name, consents, the guide, their notes, the recording and the transcript."
        actions={<Link to={pilotPath(pilotId, 'interviews/codebook')}>Codebook and coded excerpts</Link>}
      />
      <Tabs<TabId>
        label="Closing interviews"
        selected={tab}
        onSelect={(id) => setParams(id === 'schedule' ? {} : { tab: id }, { replace: true })}
        tabs={[
          { id: 'schedule', label: 'Schedule', panel: <Schedule /> },
          { id: 'guide', label: 'Guide', panel: <Guides /> },
          { id: 'interviewers', label: 'Interviewers', panel: <Interviewers /> },
        ]}
      />
    </>
  );
}

const PAGE = 20;
const statusFilter = [
  { value: 'all', label: 'All' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
] as const;

function Schedule() {
  const pilotId = usePilotId();
  const [status, setStatus] = useState<(typeof statusFilter)[number]['value']>('all');
  const [offset, setOffset] = useState(0);
  const [scheduling, setScheduling] = useState(false);
  const [cancelling, setCancelling] = useState<InterviewRow>();
  const page = useInterviewPage({ pilotId, status, offset, limit: PAGE });
  const interviewers = useInterviewers();
  const canSchedule = (interviewers.data?.length ?? 0) > 0;
  return (
    <>
      <div className="interviews-toolbar">
        <SelectInput
          label="Show"
          value={status}
          options={[...statusFilter]}
          onChange={(event) => {
            setStatus(event.target.value as typeof status);
            setOffset(0);
          }}
        />
        <Button variant="primary" isDisabled={!canSchedule} onPress={() => setScheduling(true)}>
          Schedule an interview
        </Button>
        {!canSchedule && interviewers.data ? <p className="field-description">Add an interviewer first (Interviewers tab).</p> : null}
      </div>
      {page.isPending ? (
        <Loading />
      ) : page.error ? (
        <ErrorMessage error={page.error} />
      ) : page.data.total === 0 ? (
        <EmptyState title={status === 'all' ? 'No interviews yet' : `No ${status} interviews`}>Closing interviews come at the end of the scheme: schedule one per participant who agreed to take part.</EmptyState>
      ) : (
        <>
          <Table
            caption="Interviews"
            rows={page.data.rows}
            rowKey={(row) => row.id}
            columns={[
              { id: 'person', header: 'Person', rowHeader: true, cell: (row) => <Link to={interviewsPath(pilotId, String(row.id))}>{row.personName}</Link> },
              { id: 'role', header: 'Role', cell: (row) => (row.personRole === 'mentor' ? 'Mentor' : 'Mentee') },
              { id: 'when', header: 'When', cell: (row) => `${formatDate(row.scheduledOn)} ${row.startsAt}` },
              { id: 'where', header: 'Where', cell: (row) => row.place || (row.onlineLink ? 'Online' : '—') },
              { id: 'interviewer', header: 'Interviewer', cell: (row) => row.interviewerName },
              { id: 'status', header: 'Status', cell: (row) => (row.status === 'cancelled' ? `Cancelled: ${row.cancelReason ?? ''}` : row.status === 'done' ? 'Done' : row.consentCheckedAt ? 'Consent checked' : 'Scheduled') },
              {
                id: 'actions',
                header: 'Actions',
                hideHeader: true,
                cell: (row) =>
                  row.status === 'scheduled' ? (
                    <Button variant="quiet" onPress={() => setCancelling(row)} aria-label={`Cancel the interview with ${row.personName}`}>
                      Cancel…
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Pager total={page.data.total} offset={offset} pageSize={PAGE} what="interviews" onPage={setOffset} />
        </>
      )}
      {scheduling ? <ScheduleDialog onClose={() => setScheduling(false)} /> : null}
      {cancelling ? <CancelDialog interview={cancelling} onClose={() => setCancelling(undefined)} /> : null}
    </>
  );
}

function ScheduleDialog({ onClose }: { onClose: () => void }) {
  const pilotId = usePilotId();
  const people = usePeopleToInterview(pilotId);
  const interviewers = useInterviewers();
  const schedule = useSchedule();
  // The whole register (participants.list is not paged): everyone who may be interviewed, searchable by name.
  const candidates = (people.data?.rows ?? []).filter((p) => p.status !== 'withdrawn' && p.consent === 'given').map(toPersonOption);
  // A date outside the pilot asks first; any change to the form asks again.
  const confirmations = useConfirmations();
  const [form, setFormState] = useState({ participantId: '', interviewerId: String(interviewers.data?.[0]?.id ?? ''), scheduledOn: '', startsAt: '10:00', place: '', onlineLink: '' });
  const setForm = (next: typeof form) => {
    setFormState(next);
    confirmations.clear();
  };
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }) });
  const issue = (path: string) => schedule.error?.issues.find((i) => i.path[0] === path)?.message;
  return (
    <FormDialog title="Schedule an interview" onClose={onClose} size="wide">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = { pilotId, participantId: Number(form.participantId), interviewerId: Number(form.interviewerId), scheduledOn: form.scheduledOn, startsAt: form.startsAt, place: form.place, onlineLink: form.onlineLink };
          void confirmations
            .save((confirmed) => schedule.mutateAsync({ ...input, confirmed: confirmed as 'outside-pilot'[] }))
            .then((result) => result.saved && onClose())
            .catch(() => undefined); // shown from schedule.error below
        }}
      >
        <PersonPicker
          label="Person"
          required
          showRole
          people={candidates}
          value={form.participantId ? Number(form.participantId) : null}
          onChange={(id) => setForm({ ...form, participantId: id === null ? '' : String(id) })}
          error={issue('participantId')}
          description={candidates.length ? 'Type part of a name. Only people with consent to take part are listed.' : 'Nobody in the register has consent to take part yet.'}
        />
        <SelectInput label="Interviewer" required options={(interviewers.data ?? []).map((i) => ({ value: String(i.id), label: i.name }))} error={issue('interviewerId')} {...field('interviewerId')} />
        <DateInput label="Date" required error={issue('scheduledOn')} value={form.scheduledOn} onChange={(iso) => setForm({ ...form, scheduledOn: iso })} />
        <TextInput label="Time" type="time" required error={issue('startsAt')} {...field('startsAt')} />
        <TextInput label="Place" description="A room, or leave empty for an online interview." error={issue('place')} {...field('place')} />
        <TextInput label="Online link" description="https://… (Teams, Zoom)." error={issue('onlineLink')} {...field('onlineLink')} />
        <ConfirmWarnings warnings={confirmations.warnings} action="Schedule anyway" />
        <DialogFormActions
          formError={schedule.error && schedule.error.issues.length === 0 && schedule.error.code !== 'CONFIRMATION_NEEDED' ? errorText(schedule.error) : undefined}
          submitLabel={confirmations.asking ? 'Schedule anyway' : 'Schedule'}
          busy={schedule.isPending}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}

function CancelDialog({ interview, onClose }: { interview: InterviewRow; onClose: () => void }) {
  const pilotId = usePilotId();
  const cancel = useCancelInterview();
  const [reason, setReason] = useState('');
  return (
    <FormDialog title={`Cancel the interview with ${interview.personName}?`} onClose={onClose} alert>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          cancel.mutate({ pilotId, interviewId: interview.id, reason }, { onSuccess: onClose });
        }}
      >
        <p>The interview and any notes are kept, marked cancelled with the reason.</p>
        <TextInput label="Reason" required value={reason} onChange={(event) => setReason(event.target.value)} error={cancel.error?.issues[0]?.message} />
        <DialogFormActions formError={cancel.error && cancel.error.issues.length === 0 ? errorText(cancel.error) : undefined} submitLabel="Cancel the interview" cancelLabel="Keep it" tone="danger" busy={cancel.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

function Guides() {
  const pilotId = usePilotId();
  const guides = useGuides(pilotId);
  const start = useStartGuide();
  const [editing, setEditing] = useState<Guide>();
  if (guides.isPending) return <Loading />;
  if (guides.error) return <ErrorMessage error={guides.error} />;
  const missing = (['everyone', 'mentor', 'mentee'] as GuideAudience[]).filter((a) => !guides.data.some((g) => g.audience === a));
  return (
    <>
      {guides.data.length === 0 ? (
        <EmptyState title="No interview guide yet">Start from the suggested questions (experience of the scheme, what changed, the training, the themes, what they would change) and edit them.</EmptyState>
      ) : null}
      {guides.data.map((guide) => (
        <SectionCard
          key={guide.id}
          headingId={`guide-${guide.id}`}
          title={`${guide.title} — ${guideAudienceLabels[guide.audience]}, version ${guide.version}`}
          actions={<Button onPress={() => setEditing(guide)} aria-label={`Edit ${guide.title}`}>Edit</Button>}
        >
          {guide.used ? <p className="field-description">Already used in an interview: saving keeps this version for it and makes version {guide.version + 1}.</p> : null}
          <ol>
            {guide.questions.map((q) => (
              <li key={q.id}>
                {q.question}
                {q.prompts.length > 0 ? (
                  <ul>
                    {q.prompts.map((prompt) => (
                      <li key={prompt} className="field-description">
                        {prompt}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </SectionCard>
      ))}
      <div className="interviews-toolbar">
        {missing.map((audience) => (
          <Button key={audience} busy={start.isPending} onPress={() => start.mutate({ pilotId, audience })}>
            Start a guide for {guideAudienceLabels[audience].toLowerCase()}
          </Button>
        ))}
      </div>
      <FormError message={start.error ? errorText(start.error) : undefined} />
      {editing ? <GuideDialog guide={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}

/** One question per paragraph: its first line is the question, lines starting with "- " its follow-up prompts. */
const guideText = (guide: Guide) => guide.questions.map((q) => [q.question, ...q.prompts.map((p) => `- ${p}`)].join('\n')).join('\n\n');
const parseGuideText = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map(([question, ...rest]) => ({ question: question!, prompts: rest.map((line) => line.replace(/^-\s*/, '')) }));

function GuideDialog({ guide, onClose }: { guide: Guide; onClose: () => void }) {
  const pilotId = usePilotId();
  const save = useSaveGuide();
  const [title, setTitle] = useState(guide.title);
  const [text, setText] = useState(guideText(guide));
  return (
    <FormDialog title={`Edit ${guide.title}`} onClose={onClose} size="wider">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ pilotId, audience: guide.audience, title, questions: parseGuideText(text) }, { onSuccess: onClose });
        }}
      >
        <TextInput label="Title" required value={title} onChange={(event) => setTitle(event.target.value)} />
        <TextAreaInput
          label="Questions"
          description="One question per paragraph, in order. Lines starting with “- ” under a question are its follow-up prompts."
          rows={16}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <DialogFormActions formError={save.error ? errorText(save.error) : undefined} submitLabel={guide.used ? `Save as version ${guide.version + 1}` : 'Save'} busy={save.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

function Interviewers() {
  const interviewers = useInterviewers();
  const remove = useRemoveInterviewer();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ id: number; name: string }>();
  if (interviewers.isPending) return <Loading />;
  if (interviewers.error) return <ErrorMessage error={interviewers.error} />;
  return (
    <>
      <p>Each interviewer has their own passphrase, which opens only the interview database: their interviews, the people’s names and consents, the guide and notes. Removing one deletes their key.</p>
      <Button variant="primary" onPress={() => setAdding(true)}>
        Add an interviewer
      </Button>
      {interviewers.data.length === 0 ? (
        <EmptyState title="No interviewers yet">Add the colleagues who will hold the closing interviews.</EmptyState>
      ) : (
        <Table
          caption="Interviewers"
          rows={interviewers.data}
          rowKey={(row) => row.id}
          columns={[
            { id: 'name', header: 'Name', rowHeader: true, cell: (row) => row.name },
            { id: 'email', header: 'Email', cell: (row) => row.email },
            { id: 'scheduled', header: 'Scheduled interviews', cell: (row) => row.scheduled },
            {
              id: 'actions',
              header: 'Actions',
              hideHeader: true,
              cell: (row) => (
                <Button variant="quiet" onPress={() => setRemoving(row)} aria-label={`Remove ${row.name}`}>
                  Remove…
                </Button>
              ),
            },
          ]}
        />
      )}
      {adding ? <AddInterviewerDialog onClose={() => setAdding(false)} /> : null}
      <ConfirmDialog
        isOpen={removing !== undefined}
        title={`Remove ${removing?.name ?? ''}?`}
        confirmLabel="Remove and delete their key"
        tone="danger"
        isPending={remove.isPending}
        onCancel={() => {
          remove.reset();
          setRemoving(undefined);
        }}
        onConfirm={() => removing && remove.mutate({ interviewerId: removing.id }, { onSuccess: () => setRemoving(undefined) })}
      >
        <p>Their passphrase will no longer open the vault. The interviews they held and their notes are kept.</p>
        <FormError message={remove.error ? errorText(remove.error) : undefined} />
      </ConfirmDialog>
    </>
  );
}

function AddInterviewerDialog({ onClose }: { onClose: () => void }) {
  const add = useAddInterviewer();
  const [form, setForm] = useState({ name: '', email: '', passphrase: '', again: '' });
  const [mismatch, setMismatch] = useState(false);
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }) });
  const issue = (path: string) => add.error?.issues.find((i) => i.path[0] === path)?.message;
  return (
    <FormDialog title="Add an interviewer" onClose={onClose} size="wide">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setMismatch(form.passphrase !== form.again);
          if (form.passphrase !== form.again) return;
          add.mutate({ name: form.name, email: form.email, passphrase: form.passphrase }, { onSuccess: onClose });
        }}
      >
        <TextInput label="Name" required autoComplete="off" error={issue('name')} {...field('name')} />
        <TextInput label="Email" type="email" required autoComplete="off" description="They unlock with this email and their passphrase." error={issue('email')} {...field('email')} />
        <p className="field-description">Hand the keyboard to the interviewer: they type their own passphrase (at least four words), which you never need to know.</p>
        <TextInput label="Interviewer’s passphrase" type="password" required autoComplete="new-password" error={add.error?.code === 'WEAK_PASSPHRASE' ? add.error.message : issue('passphrase')} {...field('passphrase')} />
        <TextInput label="Passphrase again" type="password" required autoComplete="new-password" error={mismatch ? 'The two passphrases differ' : undefined} {...field('again')} />
        <DialogFormActions formError={add.error && add.error.issues.length === 0 && add.error.code !== 'WEAK_PASSPHRASE' ? errorText(add.error) : undefined} submitLabel={add.isPending ? 'Adding…' : 'Add interviewer'} busy={add.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

import { useState } from 'react';
import { ApiError } from '../../api';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading } from '../../ui/Page';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { SelectInput, TextInput } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import { useNotices } from '../../ui/Notices';
import { useToday } from '../../ui/today';
import { errorText } from '../../ui/errors';
import { usePilotId } from '../../app/usePilotId';
import { count } from '../../../../shared/words';
import { audienceLabels, audiences, waveKindLabels, waveKinds, type Audience, type InstrumentSummary, type Wave, type WaveDraft, type WaveKind } from '../../../../shared/surveys/contract';
import { useCreateWave, useDeleteWave, useSurveysOverview, useUpdateWave } from './api';
import { useSurveysParams } from './params';
import { dayWords, waveStateLabels } from './words';
import { DateInput } from '../../ui/DateInput';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function WaveDialog({ wave, instruments, onClose }: { wave?: Wave; instruments: InstrumentSummary[]; onClose: () => void }) {
  const pilotId = usePilotId();
  const today = useToday();
  const create = useCreateWave();
  const update = useUpdateWave();
  const { notify } = useNotices();
  const [draft, setDraft] = useState<WaveDraft>(() =>
    wave
      ? { instrumentId: wave.instrumentId, kind: wave.kind, title: wave.title, audience: wave.audience, opensOn: wave.opensOn, closesOn: wave.closesOn }
      : { instrumentId: instruments[0]!.id, kind: 'pre', title: 'Before the scheme', audience: 'both', opensOn: today, closesOn: addDays(today, 14) },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const change = (changes: Partial<WaveDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    try {
      if (wave) await update.mutateAsync({ waveId: wave.id, wave: draft });
      else await create.mutateAsync({ pilotId, wave: draft });
      notify(wave ? 'Wave saved.' : `Wave “${draft.title}” added.`);
      onClose();
    } catch (error) {
      const fields: Record<string, string> = {};
      if (error instanceof ApiError) for (const issue of error.issues) if (issue.path[0] === 'wave' && issue.path[1] !== undefined) fields[String(issue.path[1])] ??= issue.message;
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorText(error));
    }
  };
  return (
    <FormDialog title={wave ? 'Change the wave' : 'Add a wave'} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <TextInput label="Title" required value={draft.title} onChange={(e) => change({ title: e.target.value })} error={errors.title} />
        <SelectInput
          label="When"
          value={draft.kind}
          options={waveKinds.map((k) => ({ value: k, label: waveKindLabels[k] }))}
          onChange={(e) => change({ kind: e.target.value as WaveKind })}
          description="The analysis compares a wave before the scheme with one after it (or a follow-up)."
          error={errors.kind}
        />
        <SelectInput label="Questionnaire" value={String(draft.instrumentId)} options={instruments.map((i) => ({ value: String(i.id), label: i.title }))} onChange={(e) => change({ instrumentId: Number(e.target.value) })} error={errors.instrumentId} />
        <SelectInput label="Asked of" value={draft.audience} options={audiences.map((a) => ({ value: a, label: audienceLabels[a] }))} onChange={(e) => change({ audience: e.target.value as Audience })} error={errors.audience} />
        <div className="field-row">
          <DateInput label="Opens on" required value={draft.opensOn} onChange={(iso) => change({ opensOn: iso })} error={errors.opensOn} />
          <DateInput label="Closes on" required value={draft.closesOn} onChange={(iso) => change({ closesOn: iso })} error={errors.closesOn} />
        </div>
        <DialogFormActions formError={formError} submitLabel={wave ? 'Save wave' : 'Add wave'} busy={create.isPending || update.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

/** The pilot's waves on its timeline: each a questionnaire put to an audience between two dates, with its returns. */
export function WavesTab() {
  const pilotId = usePilotId();
  const overview = useSurveysOverview(pilotId);
  const remove = useDeleteWave();
  const { notify } = useNotices();
  const { set } = useSurveysParams();
  const [editing, setEditing] = useState<Wave | 'new'>();
  const [deleting, setDeleting] = useState<Wave>();
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  const { waves, instruments } = overview.data;
  if (instruments.length === 0) {
    return (
      <EmptyState title="No questionnaire yet" action={<Button onPress={() => set({ tab: 'questionnaires' })}>Go to Questionnaires</Button>}>
        A wave puts a questionnaire to people between two dates. Make the questionnaire first.
      </EmptyState>
    );
  }
  const columns: Column<Wave>[] = [
    {
      id: 'title',
      header: 'Wave',
      rowHeader: true,
      cell: (w) => (
        <>
          {w.title}
          <span className="cell-note-wrap sv-block">
            {waveKindLabels[w.kind]} · {w.instrumentTitle}
          </span>
        </>
      ),
    },
    { id: 'audience', header: 'Asked of', cell: (w) => audienceLabels[w.audience] },
    {
      id: 'dates',
      header: 'Dates',
      cell: (w) => (
        <>
          {dayWords(w.opensOn)} to {dayWords(w.closesOn)}
          <span className={`pill sv-state sv-state-${w.state}`}>{waveStateLabels[w.state]}</span>
        </>
      ),
    },
    { id: 'returns', header: 'Returned', className: 'sv-num', cell: (w) => `${count(w.returned)} of ${count(w.invited)}` },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (w) => (
        <>
          <Button variant="quiet" aria-label={`Responses to ${w.title}`} onPress={() => set({ tab: 'responses', wave: String(w.id) })}>
            Responses
          </Button>
          <Button variant="quiet" aria-label={`Edit ${w.title}`} onPress={() => setEditing(w)}>
            Edit
          </Button>
          {w.returned === 0 ? (
            <Button variant="quiet" aria-label={`Delete ${w.title}`} onPress={() => setDeleting(w)}>
              Delete
            </Button>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <>
      <p className="section-intro">Returned counts every response recorded; “of” counts the people the wave is for who still take part.</p>
      <Table
        caption="Survey waves, in date order"
        columns={columns}
        rows={waves}
        rowKey={(w) => w.id}
        className="table-gap-small"
        empty={<p className="section-empty">No waves yet. Add the wave before the scheme starts, and one after it ends.</p>}
      />
      <Button variant="primary" onPress={() => setEditing('new')}>
        Add a wave
      </Button>
      {editing ? <WaveDialog {...(editing === 'new' ? {} : { wave: editing })} instruments={instruments} onClose={() => setEditing(undefined)} /> : null}
      <ConfirmDialog
        isOpen={deleting !== undefined}
        title={`Delete ${deleting?.title ?? 'the wave'}?`}
        confirmLabel="Delete wave"
        isPending={remove.isPending}
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          const wave = deleting!;
          setDeleting(undefined);
          remove.mutateAsync({ waveId: wave.id }).then(
            () => notify(`${wave.title} deleted.`),
            (error: unknown) => notify(errorText(error), { tone: 'error' }),
          );
        }}
      >
        <p>It has no responses, so nothing else is lost.</p>
      </ConfirmDialog>
    </>
  );
}

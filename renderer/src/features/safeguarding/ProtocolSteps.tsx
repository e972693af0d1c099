import { useState } from 'react';
import { Link } from 'react-router';
import { useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, optionalText } from '../../../../shared/contract/common';
import { safeguardingContract, type Concern, type ConcernStep } from '../../../../shared/safeguarding/contract';
import { formatDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { planPath } from '../../app/paths';
import { Button } from '../../ui/Button';
import { SectionCard } from '../../ui/SectionCard';
import { TextAreaInput, TextInput } from '../../ui/Field';
import { DialogFormActions } from '../../ui/FormActions';
import { RegisterDialog } from './RegisterDialog';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { useToday } from '../../ui/today';
import { useSavingForm } from '../../ui/useSavingForm';
import { useConcernChange } from './api';
import { FormDateInput } from '../../ui/DateInput';

const sameStep = (text: string) => text.trim().toLowerCase();

/** The support protocol's steps as they were when the concern was raised, each done on a date with a note, or not (yet). */
export function ProtocolSteps({ concern: c, protocol }: { concern: Concern; protocol: readonly string[] }) {
  const [recording, setRecording] = useState<ConcernStep>();
  const [adding, setAdding] = useState(false);
  const addProtocol = useConcernChange('safeguarding.addProtocolSteps');
  const { notify } = useNotices();
  const open = c.status === 'open';
  const have = new Set(c.steps.map((s) => sameStep(s.text)));
  const missing = protocol.filter((text) => !have.has(sameStep(text)));
  const done = c.steps.filter((s) => s.doneOn !== null).length;
  return (
    <SectionCard
      headingId="sg-steps-heading"
      title={<>Protocol steps{c.steps.length > 0 ? <span className="heading-count"> ({done} of {c.steps.length} done)</span> : null}</>}
      actions={open ? <Button onPress={() => setAdding(true)}>Add a step</Button> : null}
    >
      <p className="section-intro">The escalation steps of the scheme’s support protocol, as they were when the concern was raised. Not every step applies every time: a note can say why.</p>
      {c.steps.length === 0 ? (
        <div className="section-empty">
          <p>
            No steps yet. The support protocol in the <Link to={planPath(c.pilotId)}>plan</Link> has no escalation steps; add them there, or add the steps taken here.
          </p>
        </div>
      ) : (
        <ol className="sg-steps">
          {c.steps.map((step) => (
            <li key={step.id} className="sg-step">
              <div className="sg-step-main">
                <p className="sg-step-text">
                  <span className="sg-step-number">Step {step.position}.</span> {step.text}
                  {step.fromProtocol ? null : <span className="muted"> (added for this concern)</span>}
                </p>
                <p className="sg-step-state">
                  {step.doneOn ? <span className="pill pill-done">Done {formatDate(step.doneOn)}</span> : <span className="pill">Not done</span>}
                  {step.note ? <span className="sg-step-note notes-text">{step.note}</span> : null}
                </p>
              </div>
              {open ? (
                <Button variant="quiet" aria-label={`Record step ${step.position}`} onPress={() => setRecording(step)}>
                  Record
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {open && missing.length > 0 && c.steps.length > 0 ? (
        <p className="sg-protocol-changed">
          The support protocol now has {plural(missing.length, 'step')} this concern does not.{' '}
          <Button
            variant="quiet"
            busy={addProtocol.isPending}
            onPress={() =>
              addProtocol.mutate(
                { concernId: c.id },
                { onSuccess: () => notify(`${plural(missing.length, 'step')} of the support protocol added.`), onError: (error) => notify(errorText(error), { tone: 'error' }) },
              )
            }
          >
            Add {missing.length === 1 ? 'it' : 'them'}
          </Button>
        </p>
      ) : null}
      {open && missing.length > 0 && c.steps.length === 0 ? (
        <Button onPress={() => addProtocol.mutate({ concernId: c.id }, { onError: (error) => notify(errorText(error), { tone: 'error' }) })}>Add the support protocol’s steps</Button>
      ) : null}
      {recording ? <RecordStepDialog step={recording} onClose={() => setRecording(undefined)} /> : null}
      {adding ? <AddStepDialog concernId={c.id} onClose={() => setAdding(false)} /> : null}
    </SectionCard>
  );
}

const stepSchema = z
  .object({ done: z.boolean(), doneOn: z.string(), note: optionalText('Note', 4000) })
  .superRefine((values, ctx) => {
    if (!values.done) return;
    const date = isoDate.safeParse(values.doneOn);
    if (!date.success) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: values.doneOn ? (date.error.issues[0]?.message ?? 'Enter a date') : 'Enter the day it was done' });
  });
type StepForm = z.input<typeof stepSchema>;

function RecordStepDialog({ step, onClose }: { step: ConcernStep; onClose: () => void }) {
  const today = useToday();
  const record = useConcernChange('safeguarding.recordStep');
  const { notify } = useNotices();
  const { register, control, formState, submit, formError } = useSavingForm<StepForm>(
    { defaultValues: { done: true, doneOn: step.doneOn ?? today, note: step.note }, resolver: zodResolver(stepSchema), mode: 'onSubmit' },
    ['doneOn', 'note'],
    async ({ done, doneOn, note }) => {
      await record.mutateAsync({ id: step.id, doneOn: done ? doneOn : null, note });
      onClose();
      notify(done ? `Step ${step.position} recorded as done.` : `Step ${step.position} recorded as not done.`);
    },
  );
  const done = useWatch({ control, name: 'done' });
  return (
    <RegisterDialog title={`Step ${step.position}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="dialog-intro">{step.text}</p>
        <div className="checkbox-field">
          <input id="sg-step-done" type="checkbox" {...register('done')} />
          <label htmlFor="sg-step-done">Done</label>
        </div>
        <FormDateInput control={control} name="doneOn" label="Done on" className="input-date" disabled={!done} required={done} error={formState.errors.doneOn?.message} />
        <TextAreaInput label="Note" rows={3} autoFocus description="What was done, or why this step did not apply." error={formState.errors.note?.message} {...register('note')} />
        <DialogFormActions formError={formError} submitLabel="Save step" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </RegisterDialog>
  );
}

const addStepSchema = safeguardingContract['safeguarding.addStep'].input.pick({ text: true });

function AddStepDialog({ concernId, onClose }: { concernId: number; onClose: () => void }) {
  const add = useConcernChange('safeguarding.addStep');
  const { notify } = useNotices();
  const { register, formState, submit, formError } = useSavingForm<{ text: string }>(
    { defaultValues: { text: '' }, resolver: zodResolver(addStepSchema), mode: 'onSubmit' },
    ['text'],
    async ({ text }) => {
      await add.mutateAsync({ concernId, text });
      onClose();
      notify('Step added.');
    },
  );
  return (
    <RegisterDialog title="Add a step" onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <TextInput label="Step" required autoFocus autoComplete="off" description="A step taken for this concern that the support protocol does not list." error={formState.errors.text?.message} {...register('text')} />
        <DialogFormActions formError={formError} submitLabel="Add step" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </RegisterDialog>
  );
}

import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { DEFAULT_MEETING_PLAN, meetingPlanSchema, type MeetingPlan } from '../../../../shared/plan/contract';
import { meetingModeLabels, meetingModes } from '../../../../shared/meetings/contract';
import { Button } from '../../ui/Button';
import { RadioGroupField, TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section } from './Section';
import { FormError } from '../../ui/FormDialog';
import { numberMessages } from '../../ui/form-errors';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { plural } from '../../../../shared/words';
import { useSaveMeetingPlan } from './api';

function describeMeetingPlan(plan: MeetingPlan): string {
  const length = `${plan.durationMin === plan.durationMax ? plan.durationMin : `${plan.durationMin}–${plan.durationMax}`} minutes`;
  if (plan.meetingCount === 1) return `A single meeting of ${length}.`;
  const span = (plan.meetingCount - 1) * plan.cadenceDays;
  const weeks = Math.round(span / 7);
  return `${plan.meetingCount} meetings of ${length}, one every ${plural(plan.cadenceDays, 'day')}: about ${span < 14 ? plural(span, 'day') : plural(weeks, 'week')} from the first meeting to the last.`;
}

const meetingPlanFields = ['meetingCount', 'cadenceDays', 'durationMin', 'durationMax', 'mode', 'place', 'onlineLink', 'chemistryBeforePairing', 'trainingBeforePairing'] as const;

/** How many meetings each pair has, how far apart, how long, and where: each new pair's schedule is made from it. */
export function MeetingPlanSection({ pilotId, meetingPlan }: { pilotId: number; meetingPlan: MeetingPlan }) {
  const { notify } = useNotices();
  const save = useSaveMeetingPlan();
  const [saved, setSaved] = useState(meetingPlan);
  const { register, reset, formState, watch, submit, formError } = useSavingForm<z.input<typeof meetingPlanSchema>, MeetingPlan>(
    { defaultValues: meetingPlan, resolver: zodResolver(meetingPlanSchema, numberMessages), mode: 'onTouched' },
    Object.fromEntries(meetingPlanFields.map((f) => [`meetingPlan.${f}`, f])),
    async (values) => {
      const result = await save.mutateAsync({ pilotId, meetingPlan: values });
      reset(result);
      setSaved(result);
      notify('Meeting plan saved.');
    },
  );
  const { errors } = formState;
  useReportUnsaved('Meeting plan', formState.isDirty);
  const online = watch('mode') === 'online';
  const number = { valueAsNumber: true } as const;

  return (
    <Section id="meeting-plan" title="Meeting plan" intro="How often each pair meets and for how long. Pairs may agree their own dates within this rhythm.">
      <p className="plan-fact" id="meeting-plan-summary">
        {describeMeetingPlan(saved)}
      </p>
      <form onSubmit={submit} noValidate className="form" aria-label="Meeting plan">
        <div className="field-row">
          <TextInput label="Number of meetings" type="number" inputMode="numeric" min={1} max={52} required error={errors.meetingCount?.message} {...register('meetingCount', number)} />
          <TextInput label="Days between meetings" type="number" inputMode="numeric" min={1} max={120} required error={errors.cadenceDays?.message} {...register('cadenceDays', number)} />
        </div>
        <div className="field-row">
          <TextInput label="Shortest meeting (minutes)" type="number" inputMode="numeric" min={15} max={480} required error={errors.durationMin?.message} {...register('durationMin', number)} />
          <TextInput label="Longest meeting (minutes)" type="number" inputMode="numeric" min={15} max={480} required error={errors.durationMax?.message} {...register('durationMax', number)} />
        </div>
        <RadioGroupField legend="How pairs meet" options={meetingModes.map((mode) => ({ value: mode, label: meetingModeLabels[mode] }))} inputProps={register('mode')} />
        <div className="field-row">
          <TextInput
            label="Usual place (optional)"
            autoComplete="off"
            description={online ? 'Kept for when meetings are in person.' : 'A room or café each new pair’s meetings start with. Pairs can change it.'}
            error={errors.place?.message}
            {...register('place')}
          />
          <TextInput
            label="Online link (optional)"
            autoComplete="off"
            description={online ? 'The video-call link each new pair’s meetings start with.' : 'Used when meetings are switched online by a schedule change.'}
            error={errors.onlineLink?.message}
            {...register('onlineLink')}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Before pairing</legend>
          <p className="hint">Only people who consented to take part are paired; the scheme can also ask for these first.</p>
          <div className="checkbox-field">
            <input id="plan-chemistry-before-pairing" type="checkbox" {...register('chemistryBeforePairing')} />
            <label htmlFor="plan-chemistry-before-pairing">The scheme holds chemistry meetings: pair people once they have met at one</label>
          </div>
          <div className="checkbox-field">
            <input id="plan-training-before-pairing" type="checkbox" {...register('trainingBeforePairing')} />
            <label htmlFor="plan-training-before-pairing">Training is required before pairing</label>
          </div>
        </fieldset>
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save meeting plan
          </Button>
          <Button onPress={() => reset(DEFAULT_MEETING_PLAN, { keepDefaultValues: true })}>
            Use the defaults ({DEFAULT_MEETING_PLAN.meetingCount} meetings, every {DEFAULT_MEETING_PLAN.cadenceDays} days, {DEFAULT_MEETING_PLAN.durationMin}–{DEFAULT_MEETING_PLAN.durationMax} minutes)
          </Button>
        </div>
      </form>
    </Section>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { shiftInput, type PairProgress, type ShiftChange } from '../../../../shared/meetings/contract';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors } from '../../ui/form-errors';
import { previewShift, useApplyShift, useMeetingsOverview, usePairProgress } from './api';
import { ShiftPreviewTable } from './ShiftPreviewTable';
import { pairName } from './words';
import { FormError } from '../../ui/FormDialog';
import { usePilotId } from '../../app/usePilotId';
import { formatDay } from '../../../../shared/dates';
import { meetingsPath, pairMeetingsPath } from '../../app/paths';
import { errorText } from '../../ui/errors';
import { plural } from '../../../../shared/words';
import { FormDateInput } from '../../ui/DateInput';

type ShiftInput = z.input<typeof shiftInput>;

interface Values {
  scope: 'pilot' | 'pair';
  pairId: string;
  from: string;
  shiftDays: number;
  switchToOnline: boolean;
  note: string;
}

const fieldOfIssue: Record<string, keyof Values> = { from: 'from', shiftDays: 'shiftDays', note: 'note', switchToOnline: 'switchToOnline', 'scope.pairId': 'pairId', scope: 'pairId' };

/** Contingency: move the remaining meetings of the scheme or of one pair (a pause, a strike, a closure), and/or put them online. */
export function ChangeSchedule() {
  const pilotId = usePilotId();
  const overview = useMeetingsOverview(pilotId);
  // Every current pair, for the "one pair" choice (a select finds a name by typing its start).
  const pairs = usePairProgress(pilotId, 0, 10_000);
  const back = (
    <p className="back-link">
      <Link to={meetingsPath(pilotId)}>All meetings</Link>
    </p>
  );
  return (
    <>
      {back}
      <PageHeader
        title="Change the schedule"
        description="When the scheme pauses (a strike, a closure, the exam period) or has to move online, move the meetings still to come in one go. Nothing changes until you preview and apply."
      />
      {overview.isPending || pairs.isPending ? <Loading /> : null}
      <ErrorMessage error={overview.error ?? pairs.error} />
      {overview.data && pairs.data ? <ShiftForm today={overview.data.today} pairs={pairs.data.rows} pilotId={pilotId} /> : null}
    </>
  );
}

function ShiftForm({ today, pairs, pilotId }: { today: string; pairs: PairProgress[]; pilotId: number }) {
  const uid = useId();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const [params] = useSearchParams();
  const wantedPair = Number(params.get('pair'));
  const startPair = pairs.some((p) => p.pairId === wantedPair) ? wantedPair : undefined;
  const [formError, setFormError] = useState<string>();
  const [preview, setPreview] = useState<{ input: ShiftInput; changes: ShiftChange[] }>();
  const [confirming, setConfirming] = useState(false);
  const apply = useApplyShift();
  const { register, control, handleSubmit, setError, clearErrors, formState, watch } = useForm<Values>({
    defaultValues: { scope: startPair ? 'pair' : 'pilot', pairId: String(startPair ?? pairs[0]?.pairId ?? ''), from: today, shiftDays: 14, switchToOnline: false, note: '' },
  });
  const { errors } = formState;
  const values = watch();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // A new preview takes focus, so keyboard and screen-reader users land on the result.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const toInput = (v: Values): ShiftInput => ({
    scope: v.scope === 'pair' ? { pairId: Number(v.pairId) } : { pilotId },
    from: v.from,
    shiftDays: v.shiftDays,
    switchToOnline: v.switchToOnline,
    note: v.note,
  });
  const current = JSON.stringify(toInput(values));
  const previewIsCurrent = preview !== undefined && JSON.stringify(preview.input) === current;

  const runPreview = handleSubmit(async (v) => {
    setFormError(undefined);
    clearErrors();
    setPreview(undefined);
    if (Number.isNaN(v.shiftDays)) {
      setError('shiftDays', { type: 'schema', message: 'Enter a number of days: 0 keeps the dates' });
      return;
    }
    const input = toInput(v);
    // The main process's own schema first, so its messages appear on the fields without a round trip.
    const parsed = shiftInput.safeParse(input);
    if (!parsed.success) {
      let placed = false;
      for (const issue of parsed.error.issues) {
        const field = fieldOfIssue[issue.path.join('.')] ?? fieldOfIssue[String(issue.path[0])];
        if (field) {
          setError(field, { type: 'schema', message: issue.message });
          placed = true;
        }
      }
      if (!placed) setFormError(parsed.error.issues[0]?.message);
      return;
    }
    try {
      setPreview({ input, changes: await previewShift(input) });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, fieldOfIssue));
    }
  });

  const confirmApply = async () => {
    if (!preview) return;
    try {
      const moved = await apply.mutateAsync(preview.input);
      setConfirming(false);
      notify(`${plural(moved.length, 'meeting')} moved${preview.input.switchToOnline ? ' and switched online' : ''}. Export the pairs’ calendars again so their diaries follow.`);
      const scope = preview.input.scope;
      void navigate('pairId' in scope ? pairMeetingsPath(pilotId, scope.pairId) : meetingsPath(pilotId));
    } catch (error) {
      setConfirming(false);
      notify(errorText(error), { tone: 'error' });
    }
  };

  const pairOptions = pairs.map((p) => ({ value: String(p.pairId), label: pairName(p) }));
  const movedPairs = preview ? new Set(preview.changes.map((c) => c.pairId)).size : 0;
  const describe = (input: ShiftInput) => {
    const days = input.shiftDays;
    const move = days === 0 ? 'keep their dates' : `move ${days > 0 ? 'later' : 'earlier'} by ${plural(Math.abs(days), 'day')}`;
    return input.switchToOnline ? `${move} and become online meetings` : move;
  };

  return (
    <>
      <form onSubmit={runPreview} noValidate className="form form-wide panel ml-shift-form" aria-labelledby={`${uid}-heading`}>
        <h2 id={`${uid}-heading`}>What changes</h2>
        <fieldset className="fieldset">
          <legend>Which meetings</legend>
          <div className="radio-group">
            <div className="checkbox-field">
              <input id={`${uid}-pilot`} type="radio" value="pilot" {...register('scope')} />
              <label htmlFor={`${uid}-pilot`}>The whole scheme (every pair)</label>
            </div>
            <div className="checkbox-field">
              <input id={`${uid}-pair`} type="radio" value="pair" disabled={pairOptions.length === 0} {...register('scope')} />
              <label htmlFor={`${uid}-pair`}>One pair</label>
            </div>
          </div>
          {values.scope === 'pair' ? <SelectInput label="Pair" options={pairOptions} error={errors.pairId?.message} {...register('pairId')} /> : null}
        </fieldset>
        <div className="field-row">
          <FormDateInput control={control} name="from" label="From" required description="Scheduled meetings on or after this date change. Held and cancelled ones never do." error={errors.from?.message} />
          <TextInput
            label="Move by (days)"
            type="number"
            inputMode="numeric"
            min={-365}
            max={365}
            description="A pause of two weeks is 14. A negative number brings meetings forward; 0 keeps the dates."
            error={errors.shiftDays?.message}
            {...register('shiftDays', { valueAsNumber: true })}
          />
        </div>
        <div className="checkbox-field">
          <input id={`${uid}-online`} type="checkbox" {...register('switchToOnline')} />
          <label htmlFor={`${uid}-online`}>Switch these meetings to online</label>
        </div>
        <TextAreaInput label="Note" rows={2} description="Optional: the reason, kept on each meeting that moves (for example “UCU strike, 3–14 March”)." error={errors.note?.message} {...register('note')} />
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="submit" variant={previewIsCurrent ? 'secondary' : 'primary'} busy={formState.isSubmitting}>
            Preview the change
          </Button>
        </div>
      </form>

      {preview ? (
        <section className="page-section" aria-labelledby={`${uid}-preview-heading`}>
          <h2 id={`${uid}-preview-heading`} ref={previewHeading} tabIndex={-1}>
            Preview
          </h2>
          {preview.changes.length === 0 ? (
            <p className="muted">
              No scheduled meetings on or after {formatDay(preview.input.from)} in this scope: nothing would change.
            </p>
          ) : (
            <>
              <p>
                {plural(preview.changes.length, 'meeting')} of {plural(movedPairs, 'pair')} would {describe(preview.input)}. Nothing has changed yet.
              </p>
              <ShiftPreviewTable changes={preview.changes} />
              <div className="form-actions ml-apply">
                <Button variant="primary" isDisabled={!previewIsCurrent} onPress={() => setConfirming(true)}>
                  Apply the change
                </Button>
                {!previewIsCurrent ? <p className="hint">The form changed since this preview: preview again before applying.</p> : null}
              </div>
            </>
          )}
        </section>
      ) : null}

      <ConfirmDialog
        isOpen={confirming && preview !== undefined}
        title={`Move ${plural(preview?.changes.length ?? 0, 'meeting')}?`}
        confirmLabel={`Move ${plural(preview?.changes.length ?? 0, 'meeting')}`}
        tone="primary"
        isPending={apply.isPending}
        onConfirm={() => void confirmApply()}
        onCancel={() => setConfirming(false)}
      >
        {preview ? (
          <p>
            {plural(preview.changes.length, 'scheduled meeting')} of {plural(movedPairs, 'pair')} will {describe(preview.input)}. Each is recorded as moved in the audit trail. Tell the people
            concerned, and export their calendars again.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { consentChoiceLabels, participantsContract, type ConsentRecord, type Participant } from '../../../../shared/participants/contract';
import type { ConsentForm } from '../../../../shared/plan/contract';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { TextAreaInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors } from '../../ui/form-errors';
import { useSavingForm } from '../../ui/useSavingForm';
import { DialogFormActions } from '../../ui/FormActions';
import { useRecordConsent, useWithdrawConsent, useWithdrawalPreview } from './api';
import { WithdrawalConsequences } from './WithdrawalPreview';
import { planPath } from '../../app/paths';
import { consentChoiceKeys, consentLabels, recordState, yesNo } from './words';
import { focusAfterDialog, FormDialog, FormError } from '../../ui/FormDialog';
import { useToday } from '../../ui/today';
import { formatDate, formatDateTime, formatTimestampDay } from '../../../../shared/dates';
import { FormDateInput } from '../../ui/DateInput';
import { ConsentRecordFields } from './ConsentRecordFields';
import { CorrectConsentDialog } from './CorrectConsentDialog';
import './consent-correction.css';

interface Props {
  person: Participant;
  pilotId: number;
  /** The pilot's consent form versions (undefined while the plan loads). */
  forms: ConsentForm[] | undefined;
}

/** The consent history (never edited, never deleted), recording consent on a form version, and withdrawing it. */
export function ConsentSection({ person, pilotId, forms }: Props) {
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentRecord>();
  const [correcting, setCorrecting] = useState<ConsentRecord>();
  // Only the record that decides their consent now can be corrected (the main process checks it too).
  const current = currentRecord(person.consents);
  const byId = new Map(person.consents.map((record) => [record.id, record]));
  const heading = useRef<HTMLHeadingElement>(null);
  const records = [...person.consents].reverse();
  // Out of the scheme, but a consent to take part still stands: say so, and offer to record its withdrawal.
  const standing = person.status === 'withdrawn' && person.consent === 'given' ? latestStanding(person.consents) : undefined;
  const leftOn = [...person.statusHistory].reverse().find((change) => change.to === 'withdrawn')?.at;

  return (
    <section className="panel pp-panel pp-consent-panel" aria-labelledby="pp-consent-heading">
      <div className="pp-section-head">
        <h2 id="pp-consent-heading" ref={heading} tabIndex={-1}>
          Consent
        </h2>
        {forms && forms.length > 0 ? (
          <Button variant="primary" onPress={() => setRecording(true)}>
            Record consent
          </Button>
        ) : null}
      </div>
      <p className="pp-current">
        Now: <span className={`pp-consent pp-consent-${person.consent}`}>{consentLabels[person.consent]}</span>
      </p>
      {standing ? (
        <div className="pp-callout pp-consent-note">
          <p>
            Withdrawn from the scheme{leftOn ? ` on ${formatTimestampDay(leftOn)}` : ''}; consent still on record (version {standing.formVersion}, given {formatDate(standing.givenOn)}). If{' '}
            {person.name} is coming back, reinstate them under Status. If they withdrew their consent as well, record that here: the record is kept, marked withdrawn.
          </p>
          <Button onPress={() => setWithdrawing(standing)}>Record consent withdrawal</Button>
        </div>
      ) : null}
      {person.consent === 'declined' && person.status !== 'withdrawn' && person.status !== 'completed' ? (
        <p className="pp-callout pp-consent-note">Their latest consent form does not agree to take part in the scheme, so they should not be paired. Record consent again if they change their mind.</p>
      ) : null}
      {forms && forms.length === 0 ? (
        <p className="pp-callout">
          This pilot has no consent form yet, so consent cannot be recorded. Add the form’s text and version to the <Link to={planPath(pilotId)}>plan</Link> first.
        </p>
      ) : null}
      <p className="hint">
        Each record keeps what was agreed, on which version of the form and when. Withdrawing consent marks the record as withdrawn, with the date and reason; a record entered by mistake is corrected by a
        new one, and stays marked corrected: nothing is deleted.
      </p>
      {records.length === 0 ? (
        <p className="muted">No consent recorded yet.</p>
      ) : (
        <ol className="pp-consent-list" aria-label="Consent history, newest first">
          {records.map((record) => (
            <li key={record.id} className="pp-consent-card">
              <div className="pp-consent-card-head">
                <h3>Consent form version {record.formVersion}</h3>
                {record.correctedById ? (
                  <span className="pp-consent pp-consent-corrected">Corrected</span>
                ) : (
                  <span className={`pp-consent pp-consent-${recordState(record)}`}>{consentLabels[recordState(record)]}</span>
                )}
              </div>
              <dl className="pp-facts pp-facts-compact">
                <dt>Given on</dt>
                <dd>{formatDate(record.givenOn)}</dd>
                <dt>Withdrawn on</dt>
                <dd>{record.withdrawnOn ? formatDate(record.withdrawnOn) : <span className="muted">Not withdrawn</span>}</dd>
                {record.withdrawnOn ? (
                  <>
                    <dt>Reason</dt>
                    <dd>{record.withdrawalReason}</dd>
                  </>
                ) : null}
                <dt>Recorded</dt>
                <dd>{formatDateTime(record.recordedAt)}</dd>
                {record.correctedById ? (
                  <>
                    <dt>Corrected</dt>
                    <dd>Entered by mistake; no longer counts. {correctionNote(byId.get(record.correctedById))}</dd>
                  </>
                ) : null}
                {record.correctsId ? (
                  <>
                    <dt>Corrects</dt>
                    <dd>
                      The record {describeRecord(byId.get(record.correctsId))}. Reason: {record.correctionReason}
                    </dd>
                  </>
                ) : null}
              </dl>
              <Table
                look="plain"
                className="pp-choices"
                caption="Choices on the form"
                showCaption
                hideHeaderRow
                rows={consentChoiceKeys}
                rowKey={(key) => key}
                columns={[
                  { id: 'choice', header: 'Choice', rowHeader: true, cell: (key) => consentChoiceLabels[key] },
                  { id: 'agreed', header: 'Agreed', cell: (key) => <span className={record.choices[key] ? 'pp-yes' : 'pp-no'}>{yesNo(record.choices[key])}</span> },
                ]}
              />
              {record.withdrawnOn || record.correctedById ? null : (
                <div className="form-actions">
                  <Button onPress={() => setWithdrawing(record)} aria-label={`Withdraw consent (version ${record.formVersion}, given ${formatDate(record.givenOn)})`}>
                    Withdraw consent
                  </Button>
                  {record.id === current?.id && forms && forms.length > 0 ? (
                    <Button onPress={() => setCorrecting(record)} aria-label={`Correct this record (version ${record.formVersion}, given ${formatDate(record.givenOn)})`}>
                      Correct this record
                    </Button>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {recording && forms ? (
        <RecordConsentDialog
          person={person}
          forms={forms}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            focusAfterDialog(heading.current);
          }}
        />
      ) : null}
      {correcting && forms ? (
        <CorrectConsentDialog
          person={person}
          record={correcting}
          forms={forms}
          onClose={() => setCorrecting(undefined)}
          onDone={() => {
            setCorrecting(undefined);
            focusAfterDialog(heading.current);
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawConsentDialog
          person={person}
          record={withdrawing}
          onClose={() => setWithdrawing(undefined)}
          onDone={() => {
            setWithdrawing(undefined);
            focusAfterDialog(heading.current);
          }}
        />
      ) : null}
    </section>
  );
}

/** Latest first by the date consent was given, as the main process orders them. */
const latestFirst = (a: ConsentRecord, b: ConsentRecord) => (a.givenOn === b.givenOn ? b.id - a.id : b.givenOn.localeCompare(a.givenOn));

/** The record that decides the person's consent now: the latest given that was not corrected. */
function currentRecord(consents: ConsentRecord[]): ConsentRecord | undefined {
  return consents.filter((c) => !c.correctedById).sort(latestFirst)[0];
}

/** "of 4 Sep 2026 (version 1.0)" */
const describeRecord = (record: ConsentRecord | undefined) => (record ? `of ${formatDate(record.givenOn)} (version ${record.formVersion})` : 'entered earlier');

/** When and why a record was corrected, from the record that corrects it. */
const correctionNote = (correction: ConsentRecord | undefined) => (correction ? `Corrected on ${formatTimestampDay(correction.recordedAt)}: ${correction.correctionReason ?? ''}` : '');

/** The consent to take part that still stands: the latest not withdrawn nor corrected, by the date it was given. */
function latestStanding(consents: ConsentRecord[]): ConsentRecord | undefined {
  return consents.filter((c) => !c.withdrawnOn && !c.correctedById && c.choices.takePart).sort(latestFirst)[0];
}

// The schemas the main process enforces, less the ids the dialogs already know.
const recordSchema = participantsContract['consent.record'].input.omit({ participantId: true });
type RecordValues = z.input<typeof recordSchema>;
const withdrawSchema = participantsContract['consent.withdraw'].input.omit({ id: true });
type WithdrawIn = z.input<typeof withdrawSchema>;
type WithdrawOut = z.output<typeof withdrawSchema>;

const noChoices = Object.fromEntries(consentChoiceKeys.map((k) => [k, false])) as RecordValues['choices'];

function RecordConsentDialog({ person, forms, onClose, onDone }: { person: Participant; forms: ConsentForm[]; onClose: () => void; onDone: () => void }) {
  const record = useRecordConsent();
  const { notify } = useNotices();
  // The newest version first: it is the one people sign now.
  const versions = [...forms].sort((a, b) => (a.datedOn === b.datedOn ? b.id - a.id : b.datedOn.localeCompare(a.datedOn)));
  const today = useToday();
  const { register, control, setFocus, formState, submit, formError } = useSavingForm<RecordValues>(
    {
      defaultValues: { formId: versions[0]!.id, givenOn: today, choices: noChoices },
      resolver: zodResolver(recordSchema, { error: (issue) => (issue.code === 'invalid_type' && issue.expected === 'number' ? 'Choose a version of the consent form' : undefined) }) as never,
      mode: 'onTouched',
    },
    ['formId', 'givenOn', ...consentChoiceKeys.map((k) => `choices.${k}`)],
    async (values) => {
      // Nothing ticked is a refusal: ask first rather than record one by accident.
      const declined = consentChoiceKeys.every((key) => !values.choices?.[key]);
      if (declined && !declineConfirmed.current) {
        setAskDeclined(true);
        return;
      }
      const saved = await record.mutateAsync({ participantId: person.id, ...values });
      notify(declined ? `Recorded that ${person.name} declined (version ${saved.formVersion}).` : `Consent recorded for ${person.name} (version ${saved.formVersion}).`);
      onDone();
    },
  );
  const [askDeclined, setAskDeclined] = useState(false);
  const declineConfirmed = useRef(false);
  const { errors } = formState;
  return (
    <FormDialog title={`Record consent for ${person.name}`} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate className="form">
        <p className="muted">Record what the person agreed to on the form they signed. Each choice is separate: tick only what they agreed to.</p>
        <ConsentRecordFields versions={versions} today={today} control={control} register={register} errors={{ formId: errors.formId?.message, givenOn: errors.givenOn?.message }} />
        {askDeclined ? (
          <div className="pp-callout pp-declined-question" role="alert">
            <p>
              <strong>Nothing is ticked.</strong> Did {person.name} decline to take part? Recording it says so on their record, and they are not paired.
            </p>
            <div className="form-actions">
              <Button
                variant="primary"
                onPress={() => {
                  declineConfirmed.current = true;
                  void submit();
                }}
                busy={formState.isSubmitting}
              >
                Yes, record that they declined
              </Button>
              <Button
                onPress={() => {
                  setAskDeclined(false);
                  setFocus('choices.takePart');
                }}
              >
                No, tick what they agreed to
              </Button>
            </div>
          </div>
        ) : null}
        <DialogFormActions formError={formError} submitLabel="Record consent" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

/** Two steps: the date, reason and whether they also leave the scheme; then a plain-words confirmation. */
function WithdrawConsentDialog({ person, record, onClose, onDone }: { person: Participant; record: ConsentRecord; onClose: () => void; onDone: () => void }) {
  const uid = useId();
  const withdraw = useWithdrawConsent();
  const { notify } = useNotices();
  const [formError, setFormError] = useState<string>();
  const [confirming, setConfirming] = useState<WithdrawOut>();
  const canLeaveScheme = person.status !== 'withdrawn' && person.status !== 'completed';
  // Consent to take part withdrawn reaches their pairs, meetings and logs, as a withdrawal does: previewed here too.
  const preview = useWithdrawalPreview(person.id);
  const cascades = (values: WithdrawOut | undefined) => canLeaveScheme && values !== undefined && (values.withdrawParticipant || record.choices.takePart);
  const today = useToday();
  const { register, control, handleSubmit, setError, formState } = useForm<WithdrawIn, unknown, WithdrawOut>({
    defaultValues: { withdrawnOn: today, reason: '', withdrawParticipant: canLeaveScheme },
    resolver: zodResolver(withdrawSchema),
    mode: 'onTouched',
  });
  const { errors } = formState;
  const toConfirm = handleSubmit((values) => {
    setFormError(undefined);
    setConfirming({ ...values, withdrawParticipant: canLeaveScheme && values.withdrawParticipant });
  });
  const confirm = async () => {
    if (!confirming) return;
    try {
      await withdraw.mutateAsync({ id: record.id, ...confirming, previewFingerprint: cascades(confirming) ? preview.data?.fingerprint : undefined });
      notify(`Consent withdrawn for ${person.name}${confirming.withdrawParticipant ? ', and withdrawn from the scheme' : ''}. The record is kept.`);
      onDone();
    } catch (error) {
      setConfirming(undefined);
      void preview.refetch();
      setFormError(applyServerErrors(error, setError, ['withdrawnOn', 'reason']));
    }
  };

  return (
    <FormDialog title={`Withdraw ${person.name}’s consent?`} onClose={onClose} alert>
      {confirming ? (
        <div className="form">
          <p>
            Consent given on {formatDate(record.givenOn)} (form version {record.formVersion}) will be marked withdrawn as of {formatDate(confirming.withdrawnOn)}
            {confirming.withdrawParticipant ? `, and ${person.name} will be withdrawn from the scheme` : ''}.
          </p>
          {cascades(confirming) && preview.data ? <WithdrawalConsequences preview={preview.data} /> : null}
          <p>
            <strong>Nothing is deleted:</strong> the consent record stays in their history with the date and reason, so it shows what they agreed to and when they withdrew.
          </p>
          <FormError message={formError} />
          <div className="dialog-actions">
            <Button onPress={() => setConfirming(undefined)} autoFocus>
              Back
            </Button>
            <Button variant="danger" onPress={() => void confirm()} busy={withdraw.isPending}>
              Withdraw consent
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={toConfirm} noValidate className="form">
          <p className="muted">
            Consent given on {formatDate(record.givenOn)} on form version {record.formVersion}.
          </p>
          <FormDateInput control={control} name="withdrawnOn" label="Date consent was withdrawn" className="pp-date" required min={record.givenOn} max={today} autoFocus error={errors.withdrawnOn?.message} />
          <TextAreaInput label="Reason" required rows={3} description="In the person’s words where you can. It is kept with the record." error={errors.reason?.message} {...register('reason')} />
          {canLeaveScheme ? (
            <div className="checkbox-field">
              <input type="checkbox" id={`${uid}-leave`} {...register('withdrawParticipant')} />
              <label htmlFor={`${uid}-leave`}>Also withdraw them from the scheme</label>
            </div>
          ) : (
            <p className="hint">{person.status === 'withdrawn' ? 'They have already withdrawn from the scheme.' : 'They have completed the scheme; their status stays Completed.'}</p>
          )}
          <DialogFormActions formError={formError} submitLabel="Continue" onCancel={onClose} />
        </form>
      )}
    </FormDialog>
  );
}

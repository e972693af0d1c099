import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { matchingContract, type Pair } from '../../../../shared/matching/contract';
import { useChannel, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { TextAreaInput } from '../../ui/Field';
import { EmptyState, ErrorMessage, Loading } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors } from '../../ui/form-errors';
import { formatDate } from '../../ui/format';
import { PAIRING_NAMESPACES, ScoreBreakdown, WhyButton, points, trainingPath } from './common';
import { pairName } from './words';
import type { PairingTab } from './PairingPage';
import { FormDialog, FormError } from '../../ui/FormDialog';
import { useFocusLater } from '../../ui/focus';
import { plural } from '../../ui/words';

const endSchema = matchingContract['pairs.unpair'].input.omit({ id: true });
type EndValues = { reason: string };

/** Ending a pair is never silent: the reason is required and kept. */
function EndPairDialog({ pair, onClose, onEnded }: { pair: Pair; onClose: () => void; onEnded: () => void }) {
  const { notify } = useNotices();
  const unpair = useCommand('pairs.unpair', [...PAIRING_NAMESPACES, 'meetings', 'logs']);
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<EndValues>({ defaultValues: { reason: '' }, resolver: zodResolver(endSchema), mode: 'onTouched' });
  const submit = handleSubmit(async ({ reason }) => {
    setFormError(undefined);
    try {
      await unpair.mutateAsync({ id: pair.id, reason });
      notify(`Pair of ${pairName(pair)} ended. Both return to their stage before pairing.`);
      onEnded();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['reason']));
    }
  });
  return (
    <FormDialog size="wide" title={`End the pair of ${pairName(pair)}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="cp-flush">Their meetings still to come are cancelled, and both return to their stage before pairing. The pair and your reason stay on record.</p>
        <TextAreaInput
          label="Why is this pair ending?"
          required
          autoFocus
          rows={3}
          description="For example: a conflict of interest came to light; the mentee left the university."
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        <FormError message={formError} />
        <div className="dialog-actions">
          <Button onPress={onClose}>Keep the pair</Button>
          <Button type="submit" variant="danger" busy={formState.isSubmitting}>
            End pair
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

function PairRow({ pair, onEnd }: { pair: Pair; onEnd: () => void }) {
  const [open, setOpen] = useState(false);
  const name = pairName(pair);
  const whyId = `confirmed-why-${pair.id}`;
  const ended = pair.endedAt !== null;
  return (
    <tbody className={ended ? 'cp-row-ended' : undefined}>
      <tr>
        <th scope="row" className="cp-person">
          {pair.menteeName}
        </th>
        <td className="cp-person">{pair.mentorName}</td>
        <td className="cp-score">{points(pair.score)}</td>
        <td className="cp-nowrap">{formatDate(pair.confirmedAt.slice(0, 10))}</td>
        <td>
          {ended ? (
            <>
              <span className="cp-pill cp-pill-ended">Ended on {formatDate(pair.endedAt!.slice(0, 10))}</span>
              <p className="cp-cell-note">Reason: {pair.endReason}</p>
            </>
          ) : pair.untrained.length > 0 ? (
            <ul className="cp-flag-cell">
              {pair.untrained.map((p) => (
                <li key={p.id}>
                  <span className="cp-pill cp-pill-flag">Not trained</span> {p.name}
                  <span className="cp-cell-note cp-flag-note">Still needs: {p.missing.join(', ')}</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="cp-pill cp-pill-yes">Both trained</span>
          )}
        </td>
        <td className="cell-actions">
          <WhyButton open={open} onToggle={() => setOpen(!open)} controls={whyId} name={name} />
          {ended ? null : (
            <Button variant="quiet" data-focus-id={`end-${pair.id}`} aria-label={`End pair of ${name}`} onPress={onEnd}>
              End pair
            </Button>
          )}
        </td>
      </tr>
      {open ? (
        <tr className="cp-why-tr">
          <td colSpan={6}>
            <ScoreBreakdown id={whyId} explanation={pair.explanation} label={`Why ${name} scored ${points(pair.score)} when confirmed`} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

export function ConfirmedTab({ pilotId, goTo, focusHeading, onFocused }: { pilotId: number; goTo: (tab: PairingTab) => void; focusHeading: boolean; onFocused: () => void }) {
  const [showEnded, setShowEnded] = useState(false);
  const pairs = useChannel('pairs.list', { pilotId, includeEnded: showEnded });
  const [ending, setEnding] = useState<Pair>();
  const focusLater = useFocusLater();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = !pairs.isPending;
  useEffect(() => {
    if (!focusHeading || !loaded) return;
    // After the confirmation dialog has returned focus, so this is where focus stays.
    const frame = requestAnimationFrame(() => {
      heading.current?.focus();
      onFocused();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusHeading, loaded, onFocused]);
  if (pairs.isPending) return <Loading />;
  if (pairs.error) return <ErrorMessage error={pairs.error} />;
  const list = pairs.data;
  const current = list.filter((p) => p.endedAt === null);
  const flagged = current.filter((p) => p.untrained.length > 0);

  return (
    <div className="cp-confirmed">
      <div className="toolbar cp-toolbar">
        <div>
          <h2 className="cp-confirmed-title" id="confirmed-heading" tabIndex={-1} ref={heading}>
            {current.length === 0 ? 'No current pairs' : plural(current.length, 'current pair')}
          </h2>
          <p className="cp-summary-line cp-flush" id="confirmed-summary">
            {flagged.length > 0 ? (
              <>
                {plural(flagged.length, 'pair')} with someone not trained yet: <Link to={trainingPath(pilotId)}>record their training</Link> before their first meeting.
              </>
            ) : current.length > 0 ? (
              'Everyone in a current pair has been trained.'
            ) : (
              'Confirmed pairs appear here.'
            )}
          </p>
        </div>
        <div className="checkbox-field">
          <input id="show-ended-pairs" type="checkbox" checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
          <label htmlFor="show-ended-pairs">Show ended pairs</label>
        </div>
      </div>
      {list.length === 0 ? (
        <EmptyState
          title={showEnded ? 'No pairs at all yet' : 'No confirmed pairs yet'}
          action={
            <Button variant="primary" onPress={() => goTo('propose')}>
              Propose pairs
            </Button>
          }
        >
          Propose pairs for the cohort, check why each was proposed, then confirm them. Confirmed pairs appear here with their meetings scheduled.
        </EmptyState>
      ) : (
        <table className="table cp-table" aria-describedby="confirmed-summary">
          <caption className="visually-hidden">Confirmed pairs{showEnded ? ', with ended ones' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Mentee (staff)</th>
              <th scope="col">Mentor (student)</th>
              <th scope="col">Score</th>
              <th scope="col">Confirmed</th>
              <th scope="col">{showEnded ? 'Training, or why it ended' : 'Training'}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {list.map((pair) => (
            <PairRow key={pair.id} pair={pair} onEnd={() => setEnding(pair)} />
          ))}
        </table>
      )}
      {ending ? (
        <EndPairDialog
          pair={ending}
          onClose={() => setEnding(undefined)}
          onEnded={() => {
            const at = current.findIndex((p) => p.id === ending.id);
            const next = current[at + 1] ?? current[at - 1];
            setEnding(undefined);
            focusLater(...(next ? [`end-${next.id}`] : []), 'show-ended-pairs');
          }}
        />
      ) : null}
    </div>
  );
}

import { useRef, useState } from 'react';
import type { MatchingState } from '../../../../../shared/matching/contract';
import { Button } from '../../../ui/Button';
import { errorText } from '../../../ui/errors';
import { useFocusLater } from '../../../ui/focus';
import { FormError } from '../../../ui/FormDialog';
import { useNotices } from '../../../ui/Notices';
import { PersonPicker } from '../../../ui/PersonPicker';
import { Table } from '../../../ui/Table';
import { useSetRule } from '../api';
import { namesOf, optionsOf } from './candidates';
import { PersonLink } from '../../../app/PersonLink';

type PairRule = MatchingState['rules'][number];
type RuleKind = PairRule['rule'];
const ruleDone: Record<RuleKind, string> = { pin: 'pinned: kept in every proposal', forbid: 'forbidden: never proposed' };
const ruleFocusId = (r: { mentorId: number; menteeId: number }) => `rule-${r.mentorId}-${r.menteeId}`;

/** Pins and forbidden pairs, set here or from the proposal, listed so they can be lifted. */
export function PinnedAndForbidden({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const setRule = useSetRule();
  const focusLater = useFocusLater();
  const nameOf = namesOf(state);
  const between = (r: PairRule) => `${nameOf(r.menteeId)} and ${nameOf(r.mentorId)}`;
  // Pins first, then forbidden pairs, each by the mentee's name.
  const rules = [...state.rules].sort((a, b) => a.rule.localeCompare(b.rule) * -1 || nameOf(a.menteeId).localeCompare(nameOf(b.menteeId)));

  const lift = async (rule: PairRule, index: number) => {
    try {
      await setRule.mutateAsync({ pilotId, mentorId: rule.mentorId, menteeId: rule.menteeId, rule: null });
      notify(rule.rule === 'pin' ? `${between(rule)} are no longer pinned.` : `${between(rule)} may be proposed again.`);
      const next = rules[index + 1] ?? rules[index - 1];
      focusLater(...(next ? [ruleFocusId(next)] : []), 'rules-heading');
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  return (
    <section className="cp-section" aria-labelledby="rules-heading">
      <h2 id="rules-heading" tabIndex={-1}>
        Pinned and forbidden pairs
      </h2>
      <p className="section-intro">
        Any mentee and mentor, set here or from the proposed pairs. A pinned pair is kept in every proposal while the rules allow it; a forbidden pair is never proposed.
      </p>
      <Table
        caption="Pinned and forbidden pairs"
        className="table-gap table-compact"
        rows={rules}
        rowKey={ruleFocusId}
        empty={<p className="muted">None yet.</p>}
        columns={[
          { id: 'mentee', header: 'Mentee (staff)', rowHeader: true, cell: (r) => <PersonLink pilotId={pilotId} person={{ id: r.menteeId, name: nameOf(r.menteeId) }} /> },
          { id: 'mentor', header: 'Mentor (student)', cell: (r) => <PersonLink pilotId={pilotId} person={{ id: r.mentorId, name: nameOf(r.mentorId) }} /> },
          { id: 'rule', header: 'Rule', cell: (r) => (r.rule === 'pin' ? <span className="pill pill-pin">Pinned</span> : <span className="pill pill-no">Forbidden</span>) },
          {
            id: 'actions',
            header: 'Actions',
            hideHeader: true,
            className: 'cell-actions',
            cell: (r) => (
              <Button variant="quiet" data-focus-id={ruleFocusId(r)} aria-label={r.rule === 'pin' ? `Unpin ${between(r)}` : `Allow ${between(r)} again`} onPress={() => void lift(r, rules.indexOf(r))}>
                {r.rule === 'pin' ? 'Unpin' : 'Allow'}
              </Button>
            ),
          },
        ]}
      />
      <AddRule pilotId={pilotId} state={state} />
    </section>
  );
}

/** Pin or forbid any mentee–mentor pair, whether or not it is in the proposal. */
function AddRule({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const setRule = useSetRule();
  const [menteeId, setMenteeId] = useState<number | null>(null);
  const [mentorId, setMentorId] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ mentee?: string; mentor?: string }>({});
  const [formError, setFormError] = useState<string>();
  const menteeInput = useRef<HTMLInputElement>(null);
  const mentorInput = useRef<HTMLInputElement>(null);
  const nameOf = namesOf(state, '');

  // Not disabled while saving (that would drop keyboard focus); a second press is ignored instead.
  const add = async (rule: RuleKind) => {
    if (setRule.isPending) return;
    const missing = { ...(menteeId === null ? { mentee: 'Choose the mentee (member of staff)' } : {}), ...(mentorId === null ? { mentor: 'Choose the mentor (student)' } : {}) };
    setErrors(missing);
    setFormError(undefined);
    if (menteeId === null || mentorId === null) return (menteeId === null ? menteeInput : mentorInput).current?.focus();
    const name = `${nameOf(menteeId)} and ${nameOf(mentorId)}`;
    const existing = state.rules.find((r) => r.mentorId === mentorId && r.menteeId === menteeId)?.rule;
    if (existing === rule) return setFormError(`${name} are already ${rule === 'pin' ? 'pinned' : 'forbidden'}.`);
    if (rule === 'pin' && state.conflicts.some((c) => c.mentorId === mentorId && c.menteeId === menteeId)) {
      return setFormError(`A conflict of interest is recorded between ${name}: they are never paired, so a pin could not be kept.`);
    }
    try {
      await setRule.mutateAsync({ pilotId, mentorId, menteeId, rule });
      setMenteeId(null);
      setMentorId(null);
      // Focus stays on the pressed button: moving it into a list box being emptied would reopen the list.
      notify(`${name} ${ruleDone[rule]}${existing ? ` (instead of ${existing === 'pin' ? 'pinned' : 'forbidden'})` : ''}. Propose again to see the effect.`);
    } catch (error) {
      setFormError(errorText(error));
    }
  };

  return (
    <div role="group" className="form cp-subform cp-rule-form" aria-labelledby="add-rule-heading">
      <h3 id="add-rule-heading" className="cp-subform-title">
        Pin or forbid a pair
      </h3>
      <div className="field-row">
        <PersonPicker
          inputRef={menteeInput}
          label="Mentee (staff)"
          required
          people={optionsOf(state, 'mentee')}
          value={menteeId}
          onChange={setMenteeId}
          error={errors.mentee}
          emptyText="No member of staff matches."
        />
        <PersonPicker
          inputRef={mentorInput}
          label="Mentor (student)"
          required
          people={optionsOf(state, 'mentor')}
          value={mentorId}
          onChange={setMentorId}
          error={errors.mentor}
          emptyText="No student matches."
        />
      </div>
      <FormError message={formError} />
      <div className="cp-rule-buttons">
        <Button onPress={() => void add('pin')}>Pin this pair</Button>
        <Button onPress={() => void add('forbid')}>Forbid this pair</Button>
      </div>
    </div>
  );
}

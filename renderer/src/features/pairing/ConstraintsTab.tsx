import { useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { conflictKindLabels, conflictKinds, type Candidate, type MatchingState } from '../../../../shared/matching/contract';
import { roleLabels, statusLabels, type ParticipantStatus } from '../../../../shared/participants/contract';
import { ordinal } from '../../../../shared/matching/words';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectInput, TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors } from '../../ui/form-errors';
import { PAIRING_NAMESPACES, PersonPicker, toPersonOption } from './common';
import { FormError } from '../../ui/FormDialog';
import { useFocusLater } from '../../ui/focus';
import { errorText, plural } from '../../ui/words';


/** The candidates of one role, as picker options (in the state's order: by name). */
const optionsOf = (state: MatchingState, role: Candidate['role']) => state.candidates.filter((c) => c.role === role).map(toPersonOption);

/** Names by id, looked up once per render rather than searched for on every row. */
function namesOf(state: MatchingState, gone = 'someone no longer taking part') {
  const names = new Map(state.candidates.map((c) => [c.id, c.name]));
  return (id: number) => names.get(id) ?? gone;
}

/* ---- conflicts of interest -------------------------------------------------------------- */

const conflictForm = z.object({
  menteeId: z.number({ error: 'Choose the member of staff' }).int().positive(),
  mentorId: z.number({ error: 'Choose the student' }).int().positive(),
  kind: z.enum(conflictKinds),
  note: z.string().trim().max(1000, 'Note must be at most 1000 characters'),
});
type ConflictIn = z.input<typeof conflictForm>;
type ConflictOut = z.output<typeof conflictForm>;
const emptyConflict = { menteeId: null, mentorId: null, kind: 'teaches', note: '' } as unknown as ConflictIn;

function Conflicts({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const add = useCommand('matching.addConflict', PAIRING_NAMESPACES);
  const remove = useCommand('matching.removeConflict', PAIRING_NAMESPACES);
  const [removing, setRemoving] = useState<MatchingState['conflicts'][number]>();
  const [formError, setFormError] = useState<string>();
  const focusLater = useFocusLater();
  const { register, control, handleSubmit, setError, reset, formState } = useForm<ConflictIn, unknown, ConflictOut>({
    defaultValues: emptyConflict,
    resolver: zodResolver(conflictForm),
    mode: 'onTouched',
  });
  const nameOf = namesOf(state);
  const mentees = optionsOf(state, 'mentee');
  const mentors = optionsOf(state, 'mentor');

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await add.mutateAsync({ pilotId, ...values });
      reset(emptyConflict);
      notify(`Conflict of interest recorded: ${nameOf(values.menteeId)} and ${nameOf(values.mentorId)} will never be paired.`);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['menteeId', 'mentorId', 'kind', 'note']));
    }
  });

  const confirmRemove = async () => {
    if (!removing) return;
    const conflict = removing;
    try {
      await remove.mutateAsync({ id: conflict.id });
      notify(`Conflict of interest between ${nameOf(conflict.menteeId)} and ${nameOf(conflict.mentorId)} removed.`);
      focusLater('conflicts-heading');
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
    setRemoving(undefined);
  };

  return (
    <section className="cp-section" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" tabIndex={-1}>
        Conflicts of interest
      </h2>
      <p className="cp-intro">A member of staff who teaches, assesses or supervises a student is never paired with them, whatever the scores.</p>
      {state.conflicts.length > 0 ? (
        <table className="table cp-table cp-table-compact">
          <caption className="visually-hidden">Conflicts of interest</caption>
          <thead>
            <tr>
              <th scope="col">Member of staff</th>
              <th scope="col">Student</th>
              <th scope="col">Conflict</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.conflicts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{nameOf(c.menteeId)}</th>
                <td>{nameOf(c.mentorId)}</td>
                <td>{conflictKindLabels[c.kind]}</td>
                <td>{c.note || <span className="cp-muted">None</span>}</td>
                <td className="cell-actions">
                  <Button variant="quiet" aria-label={`Remove the conflict between ${nameOf(c.menteeId)} and ${nameOf(c.mentorId)}`} onPress={() => setRemoving(c)}>
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="cp-muted">None recorded.</p>
      )}
      <form onSubmit={submit} noValidate className="form cp-subform" aria-labelledby="add-conflict-heading">
        <h3 id="add-conflict-heading" className="cp-subform-title">
          Add a conflict of interest
        </h3>
        <div className="field-row">
          <Controller
            control={control}
            name="menteeId"
            render={({ field, fieldState }) => (
              <PersonPicker inputRef={field.ref} label="Member of staff" required people={mentees} value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} emptyText="No member of staff matches." />
            )}
          />
          <Controller
            control={control}
            name="mentorId"
            render={({ field, fieldState }) => (
              <PersonPicker inputRef={field.ref} label="Student" required people={mentors} value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} emptyText="No student matches." />
            )}
          />
        </div>
        <div className="field-row">
          <SelectInput label="The member of staff…" options={conflictKinds.map((k) => ({ value: k, label: conflictKindLabels[k] }))} error={formState.errors.kind?.message} {...register('kind')} />
          <TextInput label="Note" autoComplete="off" description="Optional: the module, the committee…" error={formState.errors.note?.message} {...register('note')} />
        </div>
        <FormError message={formError} />
        <Button type="submit" busy={formState.isSubmitting}>
          Add conflict of interest
        </Button>
      </form>
      <ConfirmDialog
        isOpen={removing !== undefined}
        title={`Remove the conflict between ${removing ? `${nameOf(removing.menteeId)} and ${nameOf(removing.mentorId)}` : ''}?`}
        confirmLabel="Remove conflict"
        isPending={remove.isPending}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(undefined)}
      >
        <p>They may then be proposed as a pair. Only remove a conflict recorded by mistake or one that has ended.</p>
      </ConfirmDialog>
    </section>
  );
}

/* ---- pins and forbidden pairs ----------------------------------------------------------- */

type RuleKind = 'pin' | 'forbid';
const ruleDone: Record<RuleKind, string> = { pin: 'pinned: kept in every proposal', forbid: 'forbidden: never proposed' };

/** Pin or forbid any mentee–mentor pair, whether or not it is in the proposal. */
function AddRule({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const setRule = useCommand('matching.setRule', PAIRING_NAMESPACES);
  const [menteeId, setMenteeId] = useState<number | null>(null);
  const [mentorId, setMentorId] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ mentee?: string; mentor?: string }>({});
  const [formError, setFormError] = useState<string>();
  const menteeInput = useRef<HTMLInputElement>(null);
  const mentorInput = useRef<HTMLInputElement>(null);
  const mentees = optionsOf(state, 'mentee');
  const mentors = optionsOf(state, 'mentor');
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
          people={mentees}
          value={menteeId}
          onChange={setMenteeId}
          error={errors.mentee}
          emptyText="No member of staff matches."
        />
        <PersonPicker
          inputRef={mentorInput}
          label="Mentor (student)"
          required
          people={mentors}
          value={mentorId}
          onChange={setMentorId}
          error={errors.mentor}
          emptyText="No student matches."
        />
      </div>
      <FormError message={formError} />
      <div className="cp-rule-buttons">
        <Button onPress={() => void add('pin')}>
          Pin this pair
        </Button>
        <Button onPress={() => void add('forbid')}>
          Forbid this pair
        </Button>
      </div>
    </div>
  );
}

/** Pins and forbidden pairs, set here or from the proposal, listed so they can be lifted. */
function Rules({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const setRule = useCommand('matching.setRule', PAIRING_NAMESPACES);
  const focusLater = useFocusLater();
  const nameOf = namesOf(state);
  const rules = [...state.rules].sort((a, b) => a.rule.localeCompare(b.rule) * -1 || nameOf(a.menteeId).localeCompare(nameOf(b.menteeId)));
  const lift = async (rule: MatchingState['rules'][number], index: number) => {
    const name = `${nameOf(rule.menteeId)} and ${nameOf(rule.mentorId)}`;
    try {
      await setRule.mutateAsync({ pilotId, mentorId: rule.mentorId, menteeId: rule.menteeId, rule: null });
      notify(rule.rule === 'pin' ? `${name} are no longer pinned.` : `${name} may be proposed again.`);
      const next = rules[index + 1] ?? rules[index - 1];
      focusLater(...(next ? [`rule-${next.mentorId}-${next.menteeId}`] : []), 'rules-heading');
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };
  return (
    <section className="cp-section" aria-labelledby="rules-heading">
      <h2 id="rules-heading" tabIndex={-1}>
        Pinned and forbidden pairs
      </h2>
      <p className="cp-intro">
        Any mentee and mentor, set here or from the proposed pairs. A pinned pair is kept in every proposal while the rules allow it; a forbidden pair is never proposed.
      </p>
      {rules.length === 0 ? (
        <p className="cp-muted">None yet.</p>
      ) : (
        <table className="table cp-table cp-table-compact">
          <caption className="visually-hidden">Pinned and forbidden pairs</caption>
          <thead>
            <tr>
              <th scope="col">Mentee (staff)</th>
              <th scope="col">Mentor (student)</th>
              <th scope="col">Rule</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => {
              const name = `${nameOf(r.menteeId)} and ${nameOf(r.mentorId)}`;
              return (
                <tr key={`${r.mentorId}-${r.menteeId}`}>
                  <th scope="row">{nameOf(r.menteeId)}</th>
                  <td>{nameOf(r.mentorId)}</td>
                  <td>{r.rule === 'pin' ? <span className="cp-pill cp-pill-pin">Pinned</span> : <span className="cp-pill cp-pill-no">Forbidden</span>}</td>
                  <td className="cell-actions">
                    <Button
                      variant="quiet"
                      data-focus-id={`rule-${r.mentorId}-${r.menteeId}`}
                      aria-label={r.rule === 'pin' ? `Unpin ${name}` : `Allow ${name} again`}
                      onPress={() => void lift(r, i)}
                    >
                      {r.rule === 'pin' ? 'Unpin' : 'Allow'}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddRule pilotId={pilotId} state={state} />
    </section>
  );
}

/* ---- stated preferences ----------------------------------------------------------------- */

function Preferences({ state }: { state: MatchingState }) {
  const { notify } = useNotices();
  const save = useCommand('matching.setPreferences', PAIRING_NAMESPACES);
  const [personId, setPersonId] = useState<number | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [addError, setAddError] = useState<string>();
  const focusLater = useFocusLater();
  const person = personId === null ? undefined : state.candidates.find((c) => c.id === personId);
  const everyone = [...state.candidates].sort((a, b) => a.role.localeCompare(b.role) * -1 || a.name.localeCompare(b.name)).map(toPersonOption);
  const otherRole = person?.role === 'mentee' ? 'mentor' : 'mentee';
  const partnerWord = otherRole === 'mentor' ? 'mentor (student)' : 'mentee (staff)';
  const list = person?.preferences ?? [];
  const addable = person ? state.candidates.filter((c) => c.role === otherRole && !list.includes(c.id)).map(toPersonOption) : [];
  const nameOf = namesOf(state);

  const write = async (next: number[], message: string, focus: string[]) => {
    if (!person) return;
    try {
      await save.mutateAsync({ participantId: person.id, preferredIds: next });
      notify(message);
      focusLater(...focus);
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...list];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    void write(next, `${nameOf(id!)} is now ${person!.name}’s ${ordinal(index + by + 1)} choice.`, [`pref-${by < 0 ? 'up' : 'down'}-${id}`, `pref-${by < 0 ? 'down' : 'up'}-${id}`]);
  };
  const addChoice = () => {
    if (adding === null) return setAddError(`Choose a ${partnerWord} to add`);
    setAddError(undefined);
    setAdding(null);
    void write([...list, adding], `${nameOf(adding)} added as ${person!.name}’s ${ordinal(list.length + 1)} choice.`, ['pref-add-button']);
  };

  // Who listed each person, and at which rank: one pass over every list, not one per row.
  const listers = new Map<number, string[]>();
  for (const c of state.candidates) {
    c.preferences.forEach((id, i) => {
      const names = listers.get(id) ?? [];
      names.push(`${c.name} (${ordinal(i + 1)})`);
      listers.set(id, names);
    });
  }
  const listedBy = (id: number) => listers.get(id) ?? [];
  const involved = state.candidates.filter((c) => c.preferences.length > 0 || listedBy(c.id).length > 0);

  return (
    <section className="cp-section" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Stated preferences</h2>
      <p className="cp-intro">
        Whom a person would most like to be paired with, best first. They add to a pair’s score under “Stated preferences”: the mentee’s choice counts for more than the student’s.
      </p>
      <div className="cp-pref-grid">
        <div className="cp-pref-editor">
          <PersonPicker label="Whose preferences" people={everyone} value={personId} onChange={setPersonId} showRole description="Type a name, then choose the person." />
          {person ? (
            <div className="cp-pref-list-box">
              <h3 className="cp-subform-title" id="pref-list-heading">
                {person.name}’s preferred {otherRole === 'mentor' ? 'mentors' : 'mentees'}, best first
              </h3>
              {list.length === 0 ? (
                <p className="cp-muted">None yet.</p>
              ) : (
                <ol className="cp-pref-list" aria-labelledby="pref-list-heading">
                  {list.map((id, i) => (
                    <li key={id} className="cp-pref-item">
                      <span className="cp-pref-rank" aria-hidden="true">
                        {i + 1}
                      </span>
                      <span className="cp-pref-name">{nameOf(id)}</span>
                      <span className="cp-pref-actions">
                        <Button variant="quiet" data-focus-id={`pref-up-${id}`} isDisabled={i === 0 || save.isPending} aria-label={`Move ${nameOf(id)} up`} onPress={() => move(i, -1)}>
                          Up
                        </Button>
                        <Button
                          variant="quiet"
                          data-focus-id={`pref-down-${id}`}
                          isDisabled={i === list.length - 1 || save.isPending}
                          aria-label={`Move ${nameOf(id)} down`}
                          onPress={() => move(i, 1)}
                        >
                          Down
                        </Button>
                        <Button
                          variant="quiet"
                          isDisabled={save.isPending}
                          aria-label={`Remove ${nameOf(id)} from ${person.name}’s preferences`}
                          onPress={() =>
                            void write(
                              list.filter((x) => x !== id),
                              `${nameOf(id)} removed from ${person.name}’s preferences.`,
                              [`pref-up-${list[i + 1]}`, `pref-down-${list[i - 1]}`, 'pref-add-button'],
                            )
                          }
                        >
                          Remove
                        </Button>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {list.length < 20 ? (
                <div className="cp-inline-add">
                  <PersonPicker label={`Add a preferred ${partnerWord}`} people={addable} value={adding} onChange={setAdding} error={addError} emptyText={`No ${partnerWord} left to add.`} />
                  <Button data-focus-id="pref-add-button" isDisabled={save.isPending} onPress={addChoice}>
                    Add to the list
                  </Button>
                </div>
              ) : (
                <p className="hint">At most 20 preferences.</p>
              )}
            </div>
          ) : null}
        </div>
        <div className="cp-pref-summary">
          <h3 className="cp-subform-title" id="who-listed-heading">
            Who listed whom
          </h3>
          {involved.length === 0 ? (
            <p className="cp-muted">Nobody has stated preferences yet.</p>
          ) : (
            <table className="table cp-table cp-table-compact" aria-labelledby="who-listed-heading">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Their choices, best first</th>
                  <th scope="col">Listed by</th>
                </tr>
              </thead>
              <tbody>
                {involved.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.name}
                      <div className="cp-cell-note">{roleLabels[c.role]}</div>
                    </th>
                    <td>{c.preferences.length ? c.preferences.map((id, i) => `${i + 1}. ${nameOf(id)}`).join(', ') : <span className="cp-muted">None</span>}</td>
                    <td>{listedBy(c.id).join(', ') || <span className="cp-muted">Nobody</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}

/* ---- capacities ------------------------------------------------------------------------- */

function CapacityInput({ candidate }: { candidate: Candidate }) {
  const { notify } = useNotices();
  const save = useCommand('matching.setCapacity', PAIRING_NAMESPACES);
  const [text, setText] = useState(String(candidate.capacity));
  const [error, setError] = useState<string>();
  const [seen, setSeen] = useState(candidate.capacity);
  // A capacity saved elsewhere (or refreshed) replaces what is shown, unless it is being edited.
  if (seen !== candidate.capacity) {
    setSeen(candidate.capacity);
    setText(String(candidate.capacity));
  }
  const commit = async () => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > 5) {
      setError('A whole number from 1 to 5');
      return;
    }
    setError(undefined);
    if (value === candidate.capacity || save.isPending) return;
    try {
      await save.mutateAsync({ participantId: candidate.id, capacity: value });
      notify(`${candidate.name} now takes up to ${plural(value, 'partner')}.`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const errorId = `capacity-error-${candidate.id}`;
  return (
    <div className="cp-capacity">
      <input
        className="input cp-capacity-input"
        type="number"
        inputMode="numeric"
        min={1}
        max={5}
        step={1}
        aria-label={`Capacity of ${candidate.name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') void commit();
        }}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Capacities({ state }: { state: MatchingState }) {
  const people = [...state.candidates].sort((a, b) => b.role.localeCompare(a.role) || a.name.localeCompare(b.name));
  return (
    <section className="cp-section" aria-labelledby="capacities-heading">
      <h2 id="capacities-heading">People and capacities</h2>
      <p className="cp-intro">How many partners each person takes on, from 1 to 5. Type a number and press Enter (or move on) to save it.</p>
      <table className="table cp-table cp-table-compact">
        <caption className="visually-hidden">People who can be paired, with their stage and capacity</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Department</th>
            <th scope="col">Stage</th>
            <th scope="col">Partners now</th>
            <th scope="col">Capacity</th>
          </tr>
        </thead>
        <tbody>
          {people.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td className="cp-nowrap">{roleLabels[c.role]}</td>
              <td>{c.department || <span className="cp-muted">Not given</span>}</td>
              <td>
                <span className={`cp-pill cp-stage-${c.status}`}>{statusLabels[c.status as ParticipantStatus] ?? c.status}</span>
                {c.trained ? null : <span className="cp-small-flag">not trained yet</span>}
              </td>
              <td>
                {c.pairedCount} of {c.capacity}
              </td>
              <td>
                <CapacityInput candidate={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ConstraintsTab({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  if (state.candidates.length === 0) {
    return <p className="cp-hint-box">Nobody can be paired yet: add people under Participants first.</p>;
  }
  return (
    <div className="cp-constraints">
      <Conflicts pilotId={pilotId} state={state} />
      <Rules pilotId={pilotId} state={state} />
      <Preferences state={state} />
      <Capacities state={state} />
    </div>
  );
}

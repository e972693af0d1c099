import { useState } from 'react';
import type { MatchingState } from '../../../../../shared/matching/contract';
import { ordinal } from '../../../../../shared/matching/words';
import { roleLabels } from '../../../../../shared/participants/contract';
import { toPersonOption } from '../../../app/pilot-people';
import { Button } from '../../../ui/Button';
import { errorText } from '../../../ui/errors';
import { useFocusLater } from '../../../ui/focus';
import { useNotices } from '../../../ui/Notices';
import { PersonPicker } from '../../../ui/PersonPicker';
import { Table } from '../../../ui/Table';
import { useSavePreferences } from '../api';
import { namesOf } from './candidates';
import { PersonLink } from '../../../app/PersonLink';
import { usePilotId } from '../../../app/usePilotId';

type Candidate = MatchingState['candidates'][number];
const MAX_PREFERENCES = 20;

/** Whom each person would most like to be paired with, best first: edited one person at a time, summed up beside. */
export function Preferences({ state }: { state: MatchingState }) {
  const [personId, setPersonId] = useState<number | null>(null);
  const person = personId === null ? undefined : state.candidates.find((c) => c.id === personId);
  // Students first, then staff, each by name.
  const everyone = [...state.candidates].sort((a, b) => a.role.localeCompare(b.role) * -1 || a.name.localeCompare(b.name)).map(toPersonOption);
  return (
    <section className="cp-section" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Stated preferences</h2>
      <p className="section-intro">
        Whom a person would most like to be paired with, best first. They add to a pair’s score under “Stated preferences”: the mentee’s choice counts for more than the student’s.
      </p>
      <div className="cp-pref-grid">
        <div className="cp-pref-editor">
          <PersonPicker label="Whose preferences" people={everyone} value={personId} onChange={setPersonId} showRole description="Type a name, then choose the person." />
          {person ? <PreferenceList person={person} state={state} /> : null}
        </div>
        <WhoListedWhom state={state} />
      </div>
    </section>
  );
}

/** One person's ranked list: move a choice up or down, remove it, add another. */
function PreferenceList({ person, state }: { person: Candidate; state: MatchingState }) {
  const pilotId = usePilotId();
  const { notify } = useNotices();
  const save = useSavePreferences();
  const focusLater = useFocusLater();
  const [adding, setAdding] = useState<number | null>(null);
  const [addError, setAddError] = useState<string>();
  const nameOf = namesOf(state);
  const otherRole = person.role === 'mentee' ? 'mentor' : 'mentee';
  const partnerWord = otherRole === 'mentor' ? 'mentor (student)' : 'mentee (staff)';
  const list = person.preferences;
  const addable = state.candidates.filter((c) => c.role === otherRole && !list.includes(c.id)).map(toPersonOption);

  const write = async (next: number[], message: string, focus: string[]) => {
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
    void write(next, `${nameOf(id!)} is now ${person.name}’s ${ordinal(index + by + 1)} choice.`, [`pref-${by < 0 ? 'up' : 'down'}-${id}`, `pref-${by < 0 ? 'down' : 'up'}-${id}`]);
  };
  const removeAt = (index: number) => {
    const id = list[index]!;
    void write(
      list.filter((x) => x !== id),
      `${nameOf(id)} removed from ${person.name}’s preferences.`,
      [`pref-up-${list[index + 1]}`, `pref-down-${list[index - 1]}`, 'pref-add-button'],
    );
  };
  const addChoice = () => {
    if (adding === null) return setAddError(`Choose a ${partnerWord} to add`);
    setAddError(undefined);
    setAdding(null);
    void write([...list, adding], `${nameOf(adding)} added as ${person.name}’s ${ordinal(list.length + 1)} choice.`, ['pref-add-button']);
  };

  return (
    <div className="cp-pref-list-box">
      <h3 className="cp-subform-title" id="pref-list-heading">
        {person.name}’s preferred {otherRole === 'mentor' ? 'mentors' : 'mentees'}, best first
      </h3>
      {list.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ol className="cp-pref-list" aria-labelledby="pref-list-heading">
          {list.map((id, i) => (
            <li key={id} className="cp-pref-item">
              <span className="cp-pref-rank" aria-hidden="true">
                {i + 1}
              </span>
              <span className="cp-pref-name">
                <PersonLink pilotId={pilotId} person={{ id, name: nameOf(id) }} />
              </span>
              <span className="cp-pref-actions">
                <Button variant="quiet" data-focus-id={`pref-up-${id}`} isDisabled={i === 0 || save.isPending} aria-label={`Move ${nameOf(id)} up`} onPress={() => move(i, -1)}>
                  Up
                </Button>
                <Button variant="quiet" data-focus-id={`pref-down-${id}`} isDisabled={i === list.length - 1 || save.isPending} aria-label={`Move ${nameOf(id)} down`} onPress={() => move(i, 1)}>
                  Down
                </Button>
                <Button variant="quiet" isDisabled={save.isPending} aria-label={`Remove ${nameOf(id)} from ${person.name}’s preferences`} onPress={() => removeAt(i)}>
                  Remove
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {list.length < MAX_PREFERENCES ? (
        <div className="inline-add">
          <PersonPicker label={`Add a preferred ${partnerWord}`} people={addable} value={adding} onChange={setAdding} error={addError} emptyText={`No ${partnerWord} left to add.`} />
          <Button data-focus-id="pref-add-button" isDisabled={save.isPending} onPress={addChoice}>
            Add to the list
          </Button>
        </div>
      ) : (
        <p className="hint">At most {MAX_PREFERENCES} preferences.</p>
      )}
    </div>
  );
}

/** Everyone who listed someone or was listed, with their choices and who chose them. */
function WhoListedWhom({ state }: { state: MatchingState }) {
  const pilotId = usePilotId();
  const nameOf = namesOf(state);
  // Who listed each person, and at which rank: one pass over every list, not one per row.
  const listers = new Map<number, string[]>();
  for (const c of state.candidates) {
    c.preferences.forEach((id, i) => listers.set(id, [...(listers.get(id) ?? []), `${c.name} (${ordinal(i + 1)})`]));
  }
  const listedBy = (id: number) => listers.get(id) ?? [];
  const involved = state.candidates.filter((c) => c.preferences.length > 0 || listedBy(c.id).length > 0);
  return (
    <div className="cp-pref-summary">
      <h3 className="cp-subform-title" id="who-listed-heading">
        Who listed whom
      </h3>
      <Table
        aria-labelledby="who-listed-heading"
        className="table-gap table-compact"
        rows={involved}
        rowKey={(c) => c.id}
        empty={<p className="muted">Nobody has stated preferences yet.</p>}
        columns={[
          {
            id: 'person',
            header: 'Person',
            rowHeader: true,
            cell: (c) => (
              <>
                <PersonLink pilotId={pilotId} person={c} />
                <div className="cell-note-wrap">{roleLabels[c.role]}</div>
              </>
            ),
          },
          { id: 'choices', header: 'Their choices, best first', cell: (c) => (c.preferences.length ? c.preferences.map((id, i) => `${i + 1}. ${nameOf(id)}`).join(', ') : <span className="muted">None</span>) },
          { id: 'listed-by', header: 'Listed by', cell: (c) => listedBy(c.id).join(', ') || <span className="muted">Nobody</span> },
        ]}
      />
    </div>
  );
}

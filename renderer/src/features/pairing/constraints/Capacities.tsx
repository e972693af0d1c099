import { useState, type KeyboardEvent } from 'react';
import type { Candidate, MatchingState } from '../../../../../shared/matching/contract';
import { roleLabels, statusLabels, type ParticipantStatus } from '../../../../../shared/participants/contract';
import { plural } from '../../../../../shared/words';
import { errorText } from '../../../ui/errors';
import { useNotices } from '../../../ui/Notices';
import { Table } from '../../../ui/Table';
import { useSaveCapacity } from '../api';
import { PersonLink } from '../../../app/PersonLink';
import { usePilotId } from '../../../app/usePilotId';

/** How many partners each person takes on, typed straight into the table. */
export function Capacities({ state }: { state: MatchingState }) {
  const pilotId = usePilotId();
  // Staff first, then students, each by name.
  const people = [...state.candidates].sort((a, b) => b.role.localeCompare(a.role) || a.name.localeCompare(b.name));
  return (
    <section className="cp-section" aria-labelledby="capacities-heading">
      <h2 id="capacities-heading">People and capacities</h2>
      <p className="section-intro">How many partners each person takes on, from 1 to 5. Type a number and press Enter (or move on) to save it.</p>
      <Table
        caption="People who can be paired, with their stage and capacity"
        className="table-gap table-compact"
        rows={people}
        rowKey={(c) => c.id}
        columns={[
          { id: 'person', header: 'Person', rowHeader: true, cell: (c) => <PersonLink pilotId={pilotId} person={c} /> },
          { id: 'role', header: 'Role', className: 'nowrap', cell: (c) => roleLabels[c.role] },
          { id: 'department', header: 'Department', cell: (c) => c.department || <span className="muted">Not given</span> },
          {
            id: 'stage',
            header: 'Stage',
            cell: (c) => (
              <>
                <span className={`pill pill-stage-${c.status}`}>{statusLabels[c.status as ParticipantStatus] ?? c.status}</span>
                {c.trained ? null : <span className="flag">not trained yet</span>}
              </>
            ),
          },
          { id: 'partners', header: 'Partners now', cell: (c) => `${c.pairedCount} of ${c.capacity}` },
          { id: 'capacity', header: 'Capacity', cell: (c) => <CapacityInput candidate={c} /> },
        ]}
      />
    </section>
  );
}

function CapacityInput({ candidate }: { candidate: Candidate }) {
  const { notify } = useNotices();
  const save = useSaveCapacity();
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

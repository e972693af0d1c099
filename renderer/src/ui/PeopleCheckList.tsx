import { useId } from 'react';
import { roleLabels, type ParticipantRole } from '../../../shared/participants/contract';

interface Person {
  id: number;
  name: string;
  role: ParticipantRole;
  department: string;
}

/** People to tick (who attended a session), each named with their role and department. */
export function PeopleCheckList({ label, people, chosen, onToggle, className = '' }: { label: string; people: readonly Person[]; chosen: readonly number[]; onToggle: (id: number, on: boolean) => void; className?: string }) {
  const uid = useId();
  return (
    <ul className={`checkbox-list ${className}`} aria-label={label}>
      {people.map((p) => (
        <li key={p.id} className="checkbox-field">
          <input id={`${uid}-${p.id}`} type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => onToggle(p.id, e.target.checked)} />
          <label htmlFor={`${uid}-${p.id}`}>
            {p.name}
            <span className="checkbox-note">
              {' '}
              {roleLabels[p.role]}
              {p.department ? `, ${p.department}` : ''}
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}

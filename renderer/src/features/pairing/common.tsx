import { useId, useState, type ReactNode, type Ref } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from 'react-aria-components';
import { Link } from 'react-router';
import { criterionLabels, type Explanation } from '../../../../shared/matching/contract';
import { roleLabels, type ParticipantRole } from '../../../../shared/participants/contract';
import { useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { RequiredMark } from '../../ui/Field';
import { participantsPath } from '../participants/paths';

/* ---- where things are ------------------------------------------------------------------- */

export const trainingPath = (pilotId: number) => `/pilots/${pilotId}/training`;
export const planPath = (pilotId: number) => `/pilots/${pilotId}/plan`;
export const pairingPath = (pilotId: number, tab?: string) => `/pilots/${pilotId}/pairing${tab && tab !== 'propose' ? `/${tab}` : ''}`;

/**
 * Chemistry answers, training, rules and pairs change people's statuses and the proposals, so every
 * write on these screens refreshes all of them.
 */
export const PAIRING_NAMESPACES = ['chemistry', 'training', 'matching', 'pairs', 'participants'];

/* ---- words ------------------------------------------------------------------------------ */

/** 40 → "40", 14.4 → "14.4": scores are kept to one decimal by the core. */
export const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/* ---- choosing a person ------------------------------------------------------------------ */

export interface PersonOption {
  id: number;
  name: string;
  role: ParticipantRole;
  department: string;
}

export const toPersonOption = ({ id, name, role, department }: PersonOption): PersonOption => ({ id, name, role, department });

/**
 * A searchable list of people (React Aria ComboBox): type part of a name to filter,
 * arrows to move, Enter to choose. The chosen person's name stays in the box.
 */
export function PersonPicker({
  label,
  people,
  value,
  onChange,
  error,
  description,
  required,
  autoFocus,
  showRole,
  emptyText = 'Nobody matches.',
  inputRef,
}: {
  label: string;
  people: PersonOption[];
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string | undefined;
  description?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  showRole?: boolean;
  emptyText?: string;
  /** For react-hook-form: focus moves here when the field is invalid on submit. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const uid = useId();
  // The text in the box is held here, so it always shows the chosen person (also when the list
  // arrives after the box, or the choice is changed from outside, e.g. a form reset).
  const chosenName = people.find((p) => p.id === value)?.name ?? '';
  const [text, setText] = useState(chosenName);
  const [shown, setShown] = useState({ value, chosenName });
  if (shown.value !== value || shown.chosenName !== chosenName) {
    setShown({ value, chosenName });
    setText(chosenName);
  }
  return (
    <ComboBox
      className="field cp-combo"
      defaultItems={people}
      value={value}
      inputValue={text}
      onInputChange={setText}
      // Typed text that chose nobody goes back to the chosen name (or empty) on leaving the box.
      onBlur={() => setText(chosenName)}
      onChange={(key: Key | null) => onChange(key === null ? null : Number(key))}
      defaultFilter={(text, input) => text.toLowerCase().includes(input.trim().toLowerCase())}
      isInvalid={Boolean(error)}
      isRequired={required}
      validationBehavior="aria"
      autoFocus={autoFocus}
    >
      <Label className="field-label">
        {label}
        {required ? <RequiredMark /> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <div className="cp-combo-control">
        <Input ref={inputRef} className="input cp-combo-input" placeholder="Type to search" />
        <AriaButton className="cp-combo-button">
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="cp-popover" offset={4}>
        <ListBox<PersonOption> className="cp-listbox" id={`${uid}-list`} renderEmptyState={() => <p className="cp-listbox-empty">{emptyText}</p>}>
          {(person) => (
            <ListBoxItem id={person.id} textValue={person.name} className="cp-option">
              <span className="cp-option-name">{person.name}</span>
              <span className="cp-option-note">
                {[showRole ? roleLabels[person.role] : '', person.department].filter(Boolean).join(' · ')}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/* ---- explanations ----------------------------------------------------------------------- */

/**
 * Why a pair scores what it does: each criterion's points of its maximum, in words. The bar only
 * repeats the numbers beside it.
 */
export function ScoreBreakdown({ explanation, id, label }: { explanation: Explanation[]; id?: string; label: string }) {
  if (explanation.length === 0) return <p className="hint">Every criterion has weight 0, so this pair scores nothing either way.</p>;
  return (
    <ul className="cp-why" id={id} aria-label={label}>
      {explanation.map((e) => {
        const share = e.max > 0 ? Math.max(0, Math.min(1, e.points / e.max)) : 0;
        return (
          <li key={e.criterion} className="cp-why-row">
            <span className="cp-why-label">{criterionLabels[e.criterion]}</span>
            <span className="cp-why-points">
              {points(e.points)} / {points(e.max)}
            </span>
            <span className="cp-why-bar" aria-hidden="true">
              <span className={`cp-why-fill cp-fill-${Math.round(share * 10)}`} />
            </span>
            <span className="cp-why-detail">— {e.detail}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Opens and closes a pair's score breakdown (the element `controls` names) below its row. */
export function WhyButton({ open, onToggle, controls, name }: { open: boolean; onToggle: () => void; controls: string; name: string }) {
  return (
    <Button variant="quiet" aria-expanded={open} aria-controls={open ? controls : undefined} aria-label={`Why ${name}`} onPress={onToggle}>
      <span aria-hidden="true" className={`cp-caret ${open ? 'cp-caret-open' : ''}`}>
        ▸
      </span>{' '}
      Why?
    </Button>
  );
}

/** A short note in a coloured box; the colour only repeats the words. */
export function Callout({ children, tone = 'info', id }: { children: ReactNode; tone?: 'info' | 'warning'; id?: string }) {
  return (
    <div className={`cp-callout cp-callout-${tone}`} id={id}>
      {children}
    </div>
  );
}

/** The way out of an empty state when the pilot's register has nobody in it yet. */
export function GoToParticipants({ pilotId }: { pilotId: number }) {
  return (
    <Link className="button button-primary cp-link-button" to={participantsPath(pilotId)}>
      Go to Participants
    </Link>
  );
}

/* ---- the register ----------------------------------------------------------------------- */

/** The pilot's people (not withdrawn unless `keep` names them), split by role, sorted by name. */
export function usePilotPeople(pilotId: number, keep: number[] = []) {
  const query = useChannel('participants.list', { pilotId, sortBy: 'name' });
  const rows = (query.data?.rows ?? []).filter((p) => p.status !== 'withdrawn' || keep.includes(p.id));
  return {
    query,
    rows,
    mentors: rows.filter((p) => p.role === 'mentor').map(toPersonOption),
    mentees: rows.filter((p) => p.role === 'mentee').map(toPersonOption),
    total: query.data?.total ?? 0,
  };
}

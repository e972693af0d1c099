import { useId, useMemo, useState, type ReactNode, type Ref } from 'react';
import { Button as AriaButton, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
import { roleLabels, type ParticipantRole } from '../../../shared/participants/contract';
import { disambiguators, distinctName } from '../../../shared/participants/disambiguate';
import { RequiredMark } from './Field';

export interface PersonOption {
  id: number;
  name: string;
  role: ParticipantRole;
  department: string;
  /** Tells two people with the same name apart when their department and role do too. */
  email?: string;
}

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
  // Namesakes get their department and role (or email) in the list and in the box once chosen.
  const notes = useMemo(() => disambiguators(people), [people]);
  const chosen = people.find((p) => p.id === value);
  const chosenName = chosen ? distinctName(chosen, notes) : '';
  const [text, setText] = useState(chosenName);
  const [shown, setShown] = useState({ value, chosenName });
  if (shown.value !== value || shown.chosenName !== chosenName) {
    setShown({ value, chosenName });
    setText(chosenName);
  }
  return (
    <ComboBox
      className="field person-picker"
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
      <div className="person-picker-control">
        <Input ref={inputRef} className="input person-picker-input" placeholder="Type to search" />
        <AriaButton className="person-picker-button">
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="person-picker-popover" offset={4}>
        <ListBox<PersonOption> className="person-picker-list" id={`${uid}-list`} renderEmptyState={() => <p className="person-picker-empty">{emptyText}</p>}>
          {(person) => (
            <ListBoxItem id={person.id} textValue={distinctName(person, notes)} className="person-picker-option">
              <span className="person-picker-name">{person.name}</span>
              <span className="person-picker-note">{notes.get(person.id) ?? [showRole ? roleLabels[person.role] : '', person.department].filter(Boolean).join(' · ')}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

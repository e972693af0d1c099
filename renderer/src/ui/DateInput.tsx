import { useCallback, useRef, type ReactNode } from 'react';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput as AriaDateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { APP_LOCALE } from '../../../shared/dates';
import { RequiredMark } from './Field';
import './date-input.css';

/** A CalendarDate from "2026-10-01"; null for an empty or malformed value (the field then shows empty segments). */
export function calendarDateOf(iso: string | null | undefined): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

export interface DateInputProps {
  label: string;
  /** The date as YYYY-MM-DD, or '' for none. */
  value: string;
  /** The date as YYYY-MM-DD once day, month and year are all entered; '' when cleared. */
  onChange: (iso: string) => void;
  onBlur?: () => void;
  /** Earliest and latest dates that may be chosen (YYYY-MM-DD). */
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  autoFocus?: boolean | undefined;
  description?: ReactNode;
  error?: string | undefined;
  /** The form field name: a hidden input carries the ISO date under it. */
  name?: string | undefined;
  className?: string | undefined;
  /** Receives a handle that focuses the day (react-hook-form focuses the first field in error). */
  focusRef?: (handle: { focus: () => void } | null) => void;
}

/**
 * A date typed as day/month/year (the app's one locale, shared/dates.ts, whatever the computer's
 * own) or picked from a calendar, kept as YYYY-MM-DD for the forms and the contract. Each part is a
 * spin button: type the digits, or use the arrow keys; Alt+Down opens the calendar.
 */
export function DateInput({ label, value, onChange, onBlur, min, max, required, disabled, autoFocus, description, error, name, className, focusRef }: DateInputProps) {
  const groupRef = useRef<HTMLDivElement | null>(null);
  const setGroup = useCallback(
    (element: HTMLDivElement | null) => {
      groupRef.current = element;
      focusRef?.(element ? { focus: () => element.querySelector<HTMLElement>('[role="spinbutton"]')?.focus() } : null);
    },
    [focusRef],
  );
  return (
    <I18nProvider locale={APP_LOCALE}>
      <DatePicker
        className={`field date-input ${className ?? ''}`}
        value={calendarDateOf(value)}
        onChange={(date) => onChange(date ? date.toString() : '')}
        onBlur={onBlur}
        minValue={calendarDateOf(min)}
        maxValue={calendarDateOf(max)}
        isRequired={required}
        isDisabled={disabled}
        isInvalid={Boolean(error)}
        // Our forms say what is wrong in their own words; the field only marks itself invalid.
        validationBehavior="aria"
        autoFocus={autoFocus}
        name={name}
        granularity="day"
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
        <Group ref={setGroup} className="input date-input-group">
          <AriaDateInput className="date-input-segments">{(segment) => <DateSegment segment={segment} className="date-input-segment" />}</AriaDateInput>
          <AriaButton className="date-input-button">
            <CalendarIcon />
          </AriaButton>
        </Group>
        <FieldError className="field-error">{error}</FieldError>
        <Popover className="date-input-popover" placement="bottom end">
          <Dialog className="date-input-dialog">
            <Calendar className="date-input-calendar">
              <header className="date-input-calendar-header">
                <AriaButton slot="previous" className="date-input-nav">
                  <span aria-hidden="true">‹</span>
                </AriaButton>
                <Heading className="date-input-month" />
                <AriaButton slot="next" className="date-input-nav">
                  <span aria-hidden="true">›</span>
                </AriaButton>
              </header>
              <CalendarGrid className="date-input-grid">{(date) => <CalendarCell date={date} className="date-input-day" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

type FormDateInputProps<T extends FieldValues> = Omit<DateInputProps, 'value' | 'onChange' | 'onBlur' | 'name' | 'focusRef'> & { control: Control<T>; name: FieldPath<T> };

/** DateInput as a react-hook-form field: `<FormDateInput control={control} name="heldOn" label="Date" />`. */
export function FormDateInput<T extends FieldValues>({ control, name, ...props }: FormDateInputProps<T>) {
  const { field } = useController({ control, name });
  const value: unknown = field.value;
  return <DateInput {...props} name={field.name} value={typeof value === 'string' ? value : ''} onChange={field.onChange} onBlur={field.onBlur} focusRef={field.ref} />;
}

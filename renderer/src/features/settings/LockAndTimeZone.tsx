import { useMemo, useState } from 'react';
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
import { useSettings, useUpdateSettings } from './api';
import { AUTO_LOCK_CHOICES } from '../../../../shared/settings/contract';
import { SelectInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { formatMinutes } from '../../../../shared/dates';

/** The usual choices, plus a stored value set elsewhere (e.g. 45 minutes from the command line) so the list shows what is in force. */
function autoLockChoices(current: number): number[] {
  const choices: number[] = [...AUTO_LOCK_CHOICES];
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

/** How long the vault stays open without activity. */
export function AutoLockSetting() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const { notify } = useNotices();
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  return (
    <section className="panel" aria-labelledby="auto-lock-heading">
      <h2 id="auto-lock-heading">Auto-lock</h2>
      <SelectInput
        label="Lock the vault after this long without activity"
        description="The vault also locks when the screen locks or the laptop sleeps."
        value={String(settings.data.autoLockMinutes)}
        options={autoLockChoices(settings.data.autoLockMinutes).map((m) => ({ value: String(m), label: formatMinutes(m) }))}
        onChange={(event) =>
          update.mutate(
            { autoLockMinutes: Number(event.target.value) },
            {
              onSuccess: (saved) => notify(`Auto-lock set to ${formatMinutes(saved.autoLockMinutes)}.`),
              onError: (error) => notify(error.message, { tone: 'error' }),
            },
          )
        }
      />
    </section>
  );
}

/** Every zone the runtime knows, the current one first if it is somehow missing from the list. */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

const zoneLabel = (zone: string) => zone.replace(/_/g, ' ');
/** "London" finds Europe/London, "new york" finds America/New_York: spaces and underscores alike. */
const matchesZone = (label: string, typed: string) => label.toLowerCase().includes(typed.trim().toLowerCase().replace(/_/g, ' '));

/** The zone meetings take place in: "today", due dates and calendar files follow it. Saved as soon as one is chosen. */
export function TimeZoneSetting() {
  const settings = useSettings();
  if (!settings.data) return null;
  return <TimeZonePicker current={settings.data.timeZone} />;
}

function TimeZonePicker({ current }: { current: string }) {
  const update = useUpdateSettings();
  const { notify } = useNotices();
  const zones = useMemo(() => timeZones(current).map((zone) => ({ id: zone, label: zoneLabel(zone) })), [current]);
  const [text, setText] = useState(zoneLabel(current));
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setText(zoneLabel(current));
  }
  const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const choose = (key: Key | null) => {
    if (key === null || key === current) return;
    update.mutate(
      { timeZone: String(key) },
      {
        onSuccess: (saved) => notify(`Time zone set to ${zoneLabel(saved.timeZone)}.`),
        onError: (error) => notify(error.message, { tone: 'error' }),
      },
    );
  };
  return (
    <section className="panel" aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">Time zone</h2>
      <ComboBox
        className="field person-picker"
        defaultItems={zones}
        selectedKey={current}
        inputValue={text}
        onInputChange={setText}
        onBlur={() => setText(zoneLabel(current))}
        onSelectionChange={choose}
        defaultFilter={matchesZone}
        menuTrigger="focus"
      >
        <Label className="field-label">Meetings take place in this time zone</Label>
        <Text slot="description" className="field-description">
          Type a city to search ({zones.length} zones). Meeting times are wall-clock times here; calendar files carry the zone, so a meeting after the clocks change keeps its time.
          {machineZone && machineZone !== current ? ` This computer is set to ${zoneLabel(machineZone)}.` : ''}
        </Text>
        <div className="person-picker-control">
          <Input className="input person-picker-input" placeholder="Type a city, e.g. London" />
          <AriaButton className="person-picker-button" aria-label="Show all time zones">
            <span aria-hidden="true">▾</span>
          </AriaButton>
        </div>
        <Popover className="person-picker-popover" offset={4}>
          <ListBox<{ id: string; label: string }> className="person-picker-list" renderEmptyState={() => <p className="person-picker-empty">No time zone matches.</p>}>
            {(zone) => (
              <ListBoxItem id={zone.id} textValue={zone.label} className="person-picker-option">
                {zone.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </section>
  );
}

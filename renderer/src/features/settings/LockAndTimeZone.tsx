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

/** The zone meetings take place in: "today", due dates and calendar files follow it. */
export function TimeZoneSetting() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const { notify } = useNotices();
  if (!settings.data) return null;
  return (
    <section className="panel" aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">Time zone</h2>
      <SelectInput
        label="Meetings take place in this time zone"
        description="Meeting times are wall-clock times here; calendar files carry the zone, so a meeting after the clocks change keeps its time."
        value={settings.data.timeZone}
        options={timeZones(settings.data.timeZone).map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
        onChange={(event) =>
          update.mutate(
            { timeZone: event.target.value },
            {
              onSuccess: (saved) => notify(`Time zone set to ${saved.timeZone.replace(/_/g, ' ')}.`),
              onError: (error) => notify(error.message, { tone: 'error' }),
            },
          )
        }
      />
    </section>
  );
}


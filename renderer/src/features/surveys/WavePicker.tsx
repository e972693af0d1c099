import { Fragment, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { SelectInput } from '../../ui/Field';
import { EmptyState, ErrorMessage, Loading } from '../../ui/Page';
import { usePilotId } from '../../app/usePilotId';
import { waveKindLabels, type Wave } from '../../../../shared/surveys/contract';
import { useSurveysOverview } from './api';
import { useSurveysParams } from './params';

/** The wave a tab works on, kept in the address (?wave=), the most recent by default. */
export function useChosenWave(waves: readonly Wave[]): Wave | undefined {
  const { number } = useSurveysParams();
  const wanted = number('wave');
  return waves.find((w) => w.id === wanted) ?? waves.filter((w) => w.state !== 'upcoming').at(-1) ?? waves[0];
}

export function WavePicker({ waves, chosen, label = 'Wave' }: { waves: readonly Wave[]; chosen: Wave; label?: string }) {
  const { set } = useSurveysParams();
  return (
    <SelectInput
      label={label}
      value={String(chosen.id)}
      onChange={(e) => set({ wave: e.target.value, page: undefined })}
      options={waves.map((w) => ({ value: String(w.id), label: `${w.title} (${waveKindLabels[w.kind].toLowerCase()})` }))}
    />
  );
}

interface WaveTabProps {
  /** Said when the pilot has no wave yet, after "add one first". */
  noWaves: string;
  pickerLabel?: string;
  className?: string;
  /** The tab's content for the chosen wave; keyed on it, so its state starts afresh with another wave. */
  children: (wave: Wave) => ReactNode;
}

/** A tab that works on one wave at a time: the wave picker above the content, or a way to Waves while there is none. */
export function WaveTab({ noWaves, pickerLabel, className, children }: WaveTabProps) {
  const pilotId = usePilotId();
  const overview = useSurveysOverview(pilotId);
  const { set } = useSurveysParams();
  const chosen = useChosenWave(overview.data?.waves ?? []);
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  if (!chosen) {
    return (
      <EmptyState title="No waves yet" action={<Button onPress={() => set({ tab: 'waves' })}>Go to Waves</Button>}>
        {noWaves}: add one first.
      </EmptyState>
    );
  }
  const content = (
    <>
      <div className="toolbar">
        <WavePicker waves={overview.data.waves} chosen={chosen} {...(pickerLabel ? { label: pickerLabel } : {})} />
      </div>
      <Fragment key={chosen.id}>{children(chosen)}</Fragment>
    </>
  );
  return className ? <div className={className}>{content}</div> : content;
}

import { SelectInput } from '../../ui/Field';
import { waveKindLabels, type Wave } from '../../../../shared/surveys/contract';
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

import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { EmptyState, ErrorMessage, Loading } from '../../ui/Page';
import { SelectInput, TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { usePilotId } from '../../app/usePilotId';
import { people as peopleWords, plural } from '../../../../shared/words';
import { waveKindLabels, type SurveyAnalysis } from '../../../../shared/surveys/contract';
import { useAnalysis, useSetThreshold } from './api';
import { useSurveysParams } from './params';
import { ItemResult } from './ItemResult';
import { MedianSlopes } from './charts/MedianSlopes';

function ThresholdSetting({ threshold }: { threshold: number }) {
  const pilotId = usePilotId();
  const save = useSetThreshold();
  const { notify } = useNotices();
  const [value, setValue] = useState(String(threshold));
  const [error, setError] = useState<string>();
  return (
    <form
      className="inline-add sv-threshold"
      aria-label="Small-group setting"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        save.mutateAsync({ pilotId, threshold: Number(value) }).then(
          (saved) => notify(`Groups smaller than ${saved.threshold} are now kept from view.`),
          (err: unknown) => setError(errorText(err)),
        );
      }}
    >
      <TextInput
        label="Smallest group shown"
        type="number"
        min={3}
        max={50}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        description="Groups of fewer people show “fewer than N” and no statistic, as UK statistics producers do. Never below 3."
        error={error}
      />
      <Button type="submit" busy={save.isPending}>
        Save
      </Button>
    </form>
  );
}

function Comparison({ analysis }: { analysis: SurveyAnalysis }) {
  const { set } = useSurveysParams();
  const comparison = analysis.comparison!;
  const options = analysis.waves.map((w) => ({ value: String(w.id), label: `${w.title} (${waveKindLabels[w.kind].toLowerCase()})` }));
  const sameInstrument = analysis.waves.filter((w) => w.instrumentId === comparison.before.instrumentId);
  return (
    <div className="toolbar sv-compare">
      <SelectInput label="Compare" value={String(comparison.before.id)} options={options} onChange={(e) => set({ before: e.target.value })} />
      <SelectInput
        label="with"
        value={String(comparison.after.id)}
        options={sameInstrument.filter((w) => w.id !== comparison.before.id).map((w) => ({ value: String(w.id), label: `${w.title} (${waveKindLabels[w.kind].toLowerCase()})` }))}
        onChange={(e) => set({ after: e.target.value })}
      />
    </div>
  );
}

/** Two waves compared item by item: who counts and why, the medians by role, then each item. */
export function AnalysisTab() {
  const pilotId = usePilotId();
  const { number, set } = useSurveysParams();
  const before = number('before');
  const after = number('after');
  const analysis = useAnalysis({ pilotId, ...(before && after ? { beforeWaveId: before, afterWaveId: after } : {}) });
  if (analysis.isPending) return <Loading label="Comparing the waves…" />;
  if (analysis.error) {
    return (
      <>
        <ErrorMessage error={analysis.error} />
        <Button onPress={() => set({ before: undefined, after: undefined })}>Compare the default waves</Button>
      </>
    );
  }
  const data = analysis.data;
  if (!data.comparison) {
    return (
      <EmptyState title="Nothing to compare yet" action={<Button onPress={() => set({ tab: 'waves' })}>Go to Waves</Button>}>
        The analysis compares two waves of the same questionnaire (before and after the scheme). Add both waves, and the responses to each.
      </EmptyState>
    );
  }
  const { people, items, threshold, comparison } = data;
  const points = Math.max(3, ...items.map((i) => i.labels.length));
  const leftOut = people.noConsent + people.withdrawn + people.oneWave;
  return (
    <>
      <Comparison analysis={data} />
      <section className="panel sv-people" aria-labelledby="sv-people">
        <h2 id="sv-people">Who is counted</h2>
        <p>
          <strong>{peopleWords(people.counted)}</strong> answered both {comparison.before.title} and {comparison.after.title} and agreed to research use: only they are counted.
        </p>
        {leftOut > 0 ? (
          <>
            <p>Left out: {peopleWords(leftOut)} who answered:</p>
            <ul className="sv-left-out">
              <li>{plural(people.noConsent, 'person', 'people')} without consent to research use (no consent recorded, declined, or research use not agreed)</li>
              <li>{plural(people.withdrawn, 'person', 'people')} who withdrew (their answers are never analysed)</li>
              <li>{plural(people.oneWave, 'person', 'people')} who answered only one of the two waves</li>
            </ul>
          </>
        ) : (
          <p>Nobody who answered was left out.</p>
        )}
        <ThresholdSetting key={threshold} threshold={threshold} />
      </section>
      {items.length === 0 ? (
        <Callout>No Likert statement was answered in both waves yet.</Callout>
      ) : (
        <>
          <section className="section-card" aria-labelledby="sv-medians">
            <h2 id="sv-medians">Medians by role</h2>
            <p className="section-intro">
              The Wilcoxon signed-rank test compares each person’s answer after with their own answer before (changes of zero left out, two-sided, exact p-values up to 200 changes). The effect size r
              runs from −1 (everyone lower) to 1 (everyone higher); 0.1 is small, 0.3 medium, 0.5 large (Cohen 1988).
            </p>
            <MedianSlopes items={items} threshold={threshold} points={points} />
          </section>
          <h2>Item by item</h2>
          {items.map((item, i) => (
            <ItemResult key={item.itemId} item={item} number={i + 1} threshold={threshold} beforeTitle={comparison.before.title} afterTitle={comparison.after.title} />
          ))}
        </>
      )}
    </>
  );
}

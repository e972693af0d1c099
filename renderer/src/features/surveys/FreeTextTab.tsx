import { ErrorMessage, Loading } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { Table } from '../../ui/Table';
import { plural } from '../../../../shared/words';
import { roleLabels } from '../../../../shared/participants/contract';
import type { Wave } from '../../../../shared/surveys/contract';
import { useFreeText } from './api';
import { useSurveysParams } from './params';
import { WaveTab } from './WavePicker';

const PAGE = 50;

function Answers({ wave }: { wave: Wave }) {
  const { number, set } = useSurveysParams();
  const offset = number('page') ? (number('page')! - 1) * PAGE : 0;
  const answers = useFreeText({ waveId: wave.id, offset, limit: PAGE });
  if (answers.error) return <ErrorMessage error={answers.error} />;
  if (!answers.data) return <Loading />;
  const { items, notShown, total } = answers.data;
  const question = new Map(items.map((i) => [i.id, i.text]));
  const hidden = notShown.noConsent + notShown.withdrawn;
  return (
    <>
      <p className="section-intro">
        Written answers are listed as they were given, not analysed. Each person appears only by their participant code, and only if their consent covers research use.
        {hidden > 0 ? ` Not listed: ${plural(notShown.noConsent, 'answer')} from people without research consent, ${plural(notShown.withdrawn, 'answer')} from people who withdrew.` : ''}
      </p>
      <Table
        caption={`Written answers in ${wave.title}`}
        columns={[
          { id: 'code', header: 'Participant code', className: 'sv-code', cell: (a) => a.code },
          { id: 'role', header: 'Role', cell: (a) => roleLabels[a.role] },
          { id: 'question', header: 'Question', cell: (a) => question.get(a.itemId) ?? '' },
          { id: 'answer', header: 'Answer', rowHeader: true, className: 'sv-answer-text', cell: (a) => a.text },
        ]}
        rows={answers.data.answers.map((a, index) => ({ ...a, index }))}
        rowKey={(a) => `${a.code}-${a.itemId}-${a.index}`}
        empty={<p className="section-empty">No written answers to list in this wave.</p>}
      />
      <Pager total={total} offset={offset} pageSize={PAGE} what="answers" onPage={(next) => set({ page: String(next / PAGE + 1) })} />
    </>
  );
}

/** A wave's written answers, under pseudonym codes, where consent covers research use. */
export function FreeTextTab() {
  return (
    <WaveTab noWaves="Written answers belong to a wave">
      {(wave) => <Answers wave={wave} />}
    </WaveTab>
  );
}

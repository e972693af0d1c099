import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage, Loading } from '../../ui/Page';
import { SelectInput, TextInput } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { Table, type Column } from '../../ui/Table';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { count } from '../../../../shared/words';
import { roleLabels } from '../../../../shared/participants/contract';
import type { Respondent, Wave } from '../../../../shared/surveys/contract';
import { useDeleteResponse, useRespondents } from './api';
import { ResponseDialog } from './ResponseDialog';
import { useSurveysParams } from './params';
import { WaveTab } from './WavePicker';
import { PersonLink } from '../../app/PersonLink';
import { usePilotId } from '../../app/usePilotId';

const PAGE = 50;

function Respondents({ wave }: { wave: Wave }) {
  const pilotId = usePilotId();
  const { params, set, number } = useSurveysParams();
  const { notify } = useNotices();
  const remove = useDeleteResponse();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const answered = (['all', 'answered', 'not-yet'] as const).find((a) => a === params.get('answered')) ?? 'all';
  const offset = number('page') ? (number('page')! - 1) * PAGE : 0;
  const list = useRespondents({ waveId: wave.id, search: params.get('search') ?? '', answered, offset, limit: PAGE });
  const [entering, setEntering] = useState<Respondent>();
  const [removing, setRemoving] = useState<Respondent>();

  const columns: Column<Respondent>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (r) => <PersonLink pilotId={pilotId} person={{ id: r.participantId, name: r.name }} /> },
    { id: 'role', header: 'Role', cell: (r) => roleLabels[r.role] },
    { id: 'code', header: 'Participant code', className: 'sv-code', cell: (r) => r.code },
    {
      id: 'answered',
      header: 'Answers',
      cell: (r) => (
        <>
          {r.answered ? (r.source === 'imported' ? 'Imported' : 'Entered') : <span className="muted">Not yet</span>}
          {r.status === 'withdrawn' ? <span className="flag">Withdrawn: not counted</span> : null}
        </>
      ),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (r) => (
        <>
          {r.status !== 'withdrawn' ? (
            <Button variant="quiet" aria-label={`${r.answered ? 'Edit' : 'Enter'} answers: ${r.name}`} onPress={() => setEntering(r)}>
              {r.answered ? 'Edit answers' : 'Enter answers'}
            </Button>
          ) : null}
          {r.answered ? (
            <Button variant="quiet" aria-label={`Remove response: ${r.name}`} onPress={() => setRemoving(r)}>
              Remove
            </Button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      {list.data ? (
        <p className="summary-line" aria-live="polite">
          {count(list.data.answered)} of {count(list.data.invited)} people have answered{wave.state === 'open' ? ' so far' : ''}.
        </p>
      ) : null}
      <form
        className="toolbar sv-filters"
        role="search"
        aria-label="Find people"
        onSubmit={(e) => {
          e.preventDefault();
          set({ search: search.trim() || undefined, page: undefined });
        }}
      >
        <TextInput label="Name" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectInput
          label="Show"
          value={answered}
          onChange={(e) => set({ answered: e.target.value === 'all' ? undefined : e.target.value, page: undefined })}
          options={[
            { value: 'all', label: 'Everyone' },
            { value: 'answered', label: 'Answered' },
            { value: 'not-yet', label: 'Not answered yet' },
          ]}
        />
        <Button type="submit">Find</Button>
      </form>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.data ? (
        <>
          <Table
            caption={`People ${wave.title} is for, by name`}
            columns={columns}
            rows={list.data.rows}
            rowKey={(r) => r.participantId}
            empty={<p className="section-empty">Nobody matches. Clear the name, or show everyone.</p>}
          />
          <Pager total={list.data.total} offset={offset} pageSize={PAGE} what="people" onPage={(next) => set({ page: String(next / PAGE + 1) })} />
        </>
      ) : (
        <Loading />
      )}
      {entering ? <ResponseDialog waveId={wave.id} participantId={entering.participantId} name={entering.name} onClose={() => setEntering(undefined)} /> : null}
      <ConfirmDialog
        isOpen={removing !== undefined}
        title={`Remove ${removing?.name ?? 'this person'}’s response?`}
        confirmLabel="Remove response"
        isPending={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          const who = removing!;
          setRemoving(undefined);
          remove.mutateAsync({ waveId: wave.id, participantId: who.participantId }).then(
            () => notify(`${who.name}’s response removed from ${wave.title}.`),
            (error: unknown) => notify(errorText(error), { tone: 'error' }),
          );
        }}
      >
        <p>
          Their answers in {wave.title} are deleted{removing?.status === 'withdrawn' ? ' (they have withdrawn, so this also honours their withdrawal)' : ''}. Entering or importing them again is the
          only way back.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Who a wave is for and who has answered; answers entered or corrected by hand. */
export function ResponsesTab() {
  return (
    <WaveTab noWaves="Responses belong to a wave">
      {(wave) => <Respondents wave={wave} />}
    </WaveTab>
  );
}

import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { categoryLabels, concernCategories, CONCERN_PAGE_SIZE, riskLabels, riskLevels, type ConcernCategory, type ConcernRow, type RiskLevel } from '../../../../shared/safeguarding/contract';
import { formatDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { safeguardingPath } from '../../app/paths';
import { RaiseConcernButton } from '../../app/RaiseConcernButton';
import { Callout } from '../../ui/Callout';
import { SelectInput } from '../../ui/Field';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { Table, type Column } from '../../ui/Table';
import { useConcernSummary, usePlan, useRegister } from './api';
import { categoryWords, concernName, retentionWords, riskWords, summaryWords, viaWords } from './words';

type StatusFilter = 'open' | 'closed' | 'all';
const statusFilters: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'Open and closed' },
];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => (values as readonly string[]).includes(value ?? '') ? (value as T) : null;

/** The filters live in the address, so coming back from a concern lands on the same page of the same list. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    status: oneOf(['open', 'closed', 'all'] as const, params.get('status')) ?? 'open',
    risk: oneOf(riskLevels, params.get('risk')),
    category: oneOf(concernCategories, params.get('category')),
    overdueOnly: params.get('overdue') === '1',
    offset: Math.max(0, Math.floor(Number(params.get('offset')) || 0)),
  };
  const change = (next: Partial<Record<'status' | 'risk' | 'category' | 'overdue' | 'offset', string | null>>) =>
    setParams(
      (prev) => {
        const params = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(next)) {
          if (value) params.set(key, value);
          else params.delete(key);
        }
        // Another filter starts from the first page.
        if (!('offset' in next)) params.delete('offset');
        return params;
      },
      { replace: true },
    );
  return { filters, change };
}

/** The register: open concerns first, highest risk first; filtered by status, risk and category; a page at a time. */
export function ConcernRegister() {
  const pilotId = usePilotId();
  const { filters, change } = useFilters();
  const register = useRegister({ pilotId, ...filters, limit: CONCERN_PAGE_SIZE });
  const summary = useConcernSummary(pilotId);
  const plan = usePlan(pilotId);
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const filtered = filters.status !== 'open' || filters.risk !== null || filters.category !== null || filters.overdueOnly;

  const columns: Column<ConcernRow>[] = [
    {
      id: 'concern',
      header: 'Concern',
      rowHeader: true,
      className: 'nowrap',
      cell: (row) => <Link to={safeguardingPath(pilotId, row.id)}>{concernName(row.id)}</Link>,
    },
    {
      id: 'raised',
      header: 'Raised',
      className: 'nowrap',
      cell: (row) => (
        <>
          {formatDate(row.raisedOn)}
          <div className="cell-note">{viaWords(row.raisedVia)}</div>
        </>
      ),
    },
    { id: 'about', header: 'About', cell: (row) => row.aboutName },
    { id: 'category', header: 'Category', cell: (row) => categoryWords(row.category) },
    { id: 'risk', header: 'Risk', cell: (row) => <span className={`pill sg-risk-${row.risk}`}>{riskWords(row.risk)}</span> },
    { id: 'steps', header: 'Protocol steps', className: 'nowrap', cell: (row) => (row.stepsTotal === 0 ? <span className="muted">None</span> : `${row.stepsDone} of ${row.stepsTotal} done`) },
    {
      id: 'next',
      header: 'Follow-up',
      className: 'nowrap',
      cell: (row) =>
        row.overdueFollowUps > 0 ? (
          <span className="pill pill-overdue">{row.overdueFollowUps === 1 ? 'Overdue' : `${row.overdueFollowUps} overdue`}</span>
        ) : row.nextFollowUpOn ? (
          formatDate(row.nextFollowUpOn)
        ) : (
          <span className="muted">None due</span>
        ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'nowrap',
      cell: (row) =>
        row.status === 'open' ? (
          'Open'
        ) : (
          <>
            Closed {row.closedOn ? formatDate(row.closedOn) : ''}
            {row.pastRetention ? <div className="cell-note sg-past-retention">Past retention since {formatDate(row.keepUntil!)}</div> : null}
          </>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Safeguarding concerns"
        description="Wellbeing and safeguarding concerns raised in the scheme, followed through the support protocol to their outcome."
        actions={<RaiseConcernButton source={{ kind: 'pilot', pilotId }} />}
      />
      {summary.data ? <p className="summary-line">{summaryWords(summary.data)}</p> : null}
      {plan.data ? <Callout>{retentionWords(plan.data.safeguarding.concernRetentionMonths)} Concerns never appear in searches, log books, reports or exports.</Callout> : null}
      <form className="sg-filters" role="search" aria-label="Filter the register" onSubmit={(event) => event.preventDefault()}>
        <SelectInput label="Status" value={filters.status} options={statusFilters} onChange={(e) => change({ status: e.target.value === 'open' ? null : e.target.value })} />
        <SelectInput
          label="Risk"
          value={filters.risk ?? ''}
          options={[{ value: '', label: 'Any risk' }, ...riskLevels.map((risk) => ({ value: risk, label: riskLabels[risk as RiskLevel] }))]}
          onChange={(e) => change({ risk: e.target.value || null })}
        />
        <SelectInput
          label="Category"
          value={filters.category ?? ''}
          options={[{ value: '', label: 'Any category' }, ...concernCategories.map((c) => ({ value: c, label: categoryLabels[c as ConcernCategory] }))]}
          onChange={(e) => change({ category: e.target.value || null })}
        />
        <div className="checkbox-field sg-filter-check">
          <input id="sg-overdue-only" type="checkbox" checked={filters.overdueOnly} onChange={(e) => change({ overdue: e.target.checked ? '1' : null })} />
          <label htmlFor="sg-overdue-only">Only with a follow-up overdue</label>
        </div>
      </form>
      <ErrorMessage error={register.error} />
      {register.isPending ? <Loading label="Reading the register…" /> : null}
      {register.data && register.data.total === 0 && !filtered ? (
        <EmptyState title="No open concerns" action={<RaiseConcernButton source={{ kind: 'pilot', pilotId }} />}>
          When a participant, their partner or you raise something that worries you, record it here. “Raise a concern” is also on every meeting, reflective log and participant.
        </EmptyState>
      ) : null}
      {register.data && register.data.total === 0 && filtered ? <p className="muted">No concern matches these filters.</p> : null}
      {register.data && register.data.total > 0 ? (
        <section aria-labelledby="sg-register-heading">
          <h2 id="sg-register-heading" ref={tableHeading} tabIndex={-1} className="visually-hidden">
            {plural(register.data.total, 'concern')}
          </h2>
          <Table caption="Concerns" className="table-gap-small sg-register" columns={columns} rows={register.data.rows} rowKey={(row) => row.id} />
          <Pager
            total={register.data.total}
            offset={register.data.offset}
            pageSize={CONCERN_PAGE_SIZE}
            what="concerns"
            onPage={(offset) => {
              change({ offset: offset > 0 ? String(offset) : null });
              requestAnimationFrame(() => tableHeading.current?.focus());
            }}
          />
        </section>
      ) : null}
    </>
  );
}

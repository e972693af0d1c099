import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  participantRoles,
  participantStatuses,
  roleLabels,
  statusLabels,
  type ParticipantQuery,
  type ParticipantSummary,
} from '../../../../shared/participants/contract';
import { useParticipantList, usePlan } from './api';
import { Button } from '../../ui/Button';
import { ariaSort, SortButton, type SortState } from '../../ui/Table';
import { SelectInput, TextInput } from '../../ui/Field';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { consentLabels } from './words';
import { MergeDepartmentsDialog } from './MergeDepartments';
import { usePilotId } from '../../app/usePilotId';
import { lastListSearch } from './list-memory';
import { participantsPath } from '../../app/paths';
import { count } from '../../../../shared/words';

const sortKeys = ['name', 'role', 'department', 'status'] as const;
type SortKey = (typeof sortKeys)[number];

const columns: { key: string; label: string; sort?: SortKey; note?: string }[] = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'role', label: 'Role', sort: 'role' },
  { key: 'department', label: 'Department', sort: 'department' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'consent', label: 'Consent' },
  { key: 'characteristics', label: 'Characteristics', note: 'special-category data' },
];

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The register of a pilot: thousands of people, filtered and sorted in the main process, rendered as a virtual table. */
export function ParticipantList() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const [merging, setMerging] = useState(false);
  const [params, setParams] = useSearchParams();
  const role = oneOf(participantRoles, params.get('role'));
  const status = oneOf(participantStatuses, params.get('status'));
  const department = params.get('department') ?? undefined;
  const characteristic = params.get('characteristic') ?? undefined;
  const sortBy: SortKey = oneOf(sortKeys, params.get('sort')) ?? 'name';
  const sortDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const search = params.get('q') ?? '';

  const [searchText, setSearchText] = useState(search);
  const debouncedSearch = useDebounced(searchText.trim(), 200);

  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Only when the typed text settles: the URL (and so the query) follows the search box.
  useEffect(() => {
    if (debouncedSearch !== search) update({ q: debouncedSearch });
    // Deliberately not on `search` too: that would put back a stale search right after "Clear filters".
  }, [debouncedSearch]);

  useEffect(() => {
    const text = params.toString();
    lastListSearch.set(pilotId, text ? `?${text}` : '');
  }, [pilotId, params]);

  const input: ParticipantQuery = {
    pilotId,
    search,
    sortBy,
    sortDirection,
    ...(role ? { role } : {}),
    ...(status ? { status } : {}),
    ...(department !== undefined ? { department } : {}),
    ...(characteristic ? { characteristic } : {}),
  };
  // While a new search runs, the previous rows stay on screen instead of a loading flash.
  const list = useParticipantList(input);
  const plan = usePlan(pilotId);

  const filtersActive = Boolean(search || searchText.trim() || role || status || department !== undefined || characteristic);
  const clearFilters = () => {
    setSearchText('');
    update({ q: undefined, role: undefined, status: undefined, department: undefined, characteristic: undefined });
  };
  const sortOn = (key: SortKey) => update({ sort: key, dir: key === sortBy && sortDirection === 'asc' ? 'desc' : 'asc' });

  const data = list.data;
  const busy = list.isFetching && list.isPlaceholderData;
  const categories = [...(plan.data?.eligibility ?? [])];
  if (characteristic && !categories.some((c) => c.toLowerCase() === characteristic.toLowerCase())) categories.push(characteristic);
  const departments = [...(data?.departments ?? [])];
  if (department && !departments.includes(department)) departments.push(department);

  return (
    <>
      <PageHeader
        title="Participants"
        description="Everyone who has expressed interest in this pilot: students mentor, members of staff are mentored. Open a person to move them along, record their consent or withdraw them."
        actions={
          <>
            <Button onPress={() => setMerging(true)}>Merge departments</Button>
            <Button onPress={() => navigate(participantsPath(pilotId, 'import'))}>Import expressions of interest</Button>
            <Button variant="primary" onPress={() => navigate(participantsPath(pilotId, 'new'))}>
              Add participant
            </Button>
          </>
        }
      />
      {merging ? <MergeDepartmentsDialog pilotId={pilotId} onClose={() => setMerging(false)} /> : null}
      {list.isPending ? <Loading label="Loading the register…" /> : null}
      <ErrorMessage error={list.error} />
      {data && data.total === 0 ? (
        <EmptyState
          title="No people in this pilot yet"
          action={
            <div className="empty-actions">
              <Button variant="primary" onPress={() => navigate(participantsPath(pilotId, 'new'))}>
                Add the first participant
              </Button>
              <Button onPress={() => navigate(participantsPath(pilotId, 'import'))}>Import a CSV file</Button>
            </div>
          }
        >
          Add people one at a time as they express interest, or import the responses to your expression-of-interest form as a CSV file (most forms tools can export one).
        </EmptyState>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <div className="pp-toolbar" role="search" aria-label="Find people">
            <TextInput
              label="Search"
              type="search"
              autoComplete="off"
              placeholder="Name, email or topic"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
            />
            <SelectInput
              label="Role"
              value={role ?? ''}
              onChange={(e) => update({ role: e.target.value })}
              options={[{ value: '', label: 'Any role' }, ...participantRoles.map((r) => ({ value: r, label: roleLabels[r] }))]}
            />
            <SelectInput
              label="Status"
              value={status ?? ''}
              onChange={(e) => update({ status: e.target.value })}
              options={[{ value: '', label: 'Any status' }, ...participantStatuses.map((s) => ({ value: s, label: statusLabels[s] }))]}
            />
            <SelectInput
              label="Department"
              value={department ?? ''}
              onChange={(e) => update({ department: e.target.value })}
              options={[{ value: '', label: 'Any department' }, ...departments.map((d) => ({ value: d, label: d }))]}
            />
            <SelectInput
              label="Characteristic"
              value={characteristic ?? ''}
              onChange={(e) => update({ characteristic: e.target.value })}
              options={[{ value: '', label: 'Any or none' }, ...categories.map((c) => ({ value: c, label: c }))]}
            />
          </div>
          <div className="pp-summary">
            <p className="pp-count" id="pp-count" aria-live="polite">
              Showing {count(data.rows.length)} of {count(data.total)} {data.total === 1 ? 'person' : 'people'}
              {busy ? <span className="muted"> (updating…)</span> : null}
            </p>
            {filtersActive && data.rows.length > 0 ? (
              <Button variant="quiet" onPress={clearFilters}>
                Clear filters
              </Button>
            ) : null}
          </div>
          {data.rows.length === 0 ? (
            <EmptyState title="Nobody matches" action={<Button onPress={clearFilters}>Clear filters</Button>}>
              No one among the {count(data.total)} people in this pilot matches this search and these filters. Clear them to see everyone.
            </EmptyState>
          ) : (
            <PeopleTable
              // A new search, filter or sort starts at the top of the list.
              view={JSON.stringify([search, role, status, department, characteristic, sortBy, sortDirection])}
              pilotId={pilotId}
              rows={data.rows}
              busy={busy}
              sortBy={sortBy}
              sortDirection={sortDirection}
              onSort={sortOn}
            />
          )}
        </>
      ) : null}
    </>
  );
}

interface TableProps {
  /** Changes with the search, filters and sort. */
  view: string;
  pilotId: number;
  rows: ParticipantSummary[];
  busy: boolean;
  sortBy: SortKey;
  sortDirection: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
}

/**
 * An ARIA table whose body rows are virtual: only the rows in view (and a few either side) are in
 * the DOM, each with aria-rowindex so assistive technology knows where it is among aria-rowcount.
 */
function PeopleTable({ view, pilotId, rows, busy, sortBy, sortDirection, onSort }: TableProps) {
  const sort: SortState = { column: sortBy, direction: sortDirection === 'asc' ? 'ascending' : 'descending' };
  const scrollRef = useRef<HTMLDivElement>(null);
  // Not by remounting: focus stays on the sort button that was pressed.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [view]);
  const [headHeight, setHeadHeight] = useState(0);
  const headRef = useCallback((element: HTMLDivElement | null) => {
    if (element) setHeadHeight(element.offsetHeight);
  }, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 62,
    overscan: 8,
    // The sticky header sits above the first row inside the scrolling box.
    scrollMargin: headHeight,
    getItemKey: (index) => rows[index]!.id,
  });

  return (
    <div
      ref={scrollRef}
      className="pp-table"
      role="table"
      aria-label="Participants"
      aria-describedby="pp-count"
      aria-rowcount={rows.length + 1}
      aria-busy={busy || undefined}
    >
      <div role="rowgroup" className="pp-head" ref={headRef}>
        <div role="row" aria-rowindex={1} className="pp-row">
          {columns.map((column) => (
            <div key={column.key} role="columnheader" className="pp-cell" aria-sort={column.sort ? ariaSort(sort, column.sort) : undefined}>
              {column.sort ? (
                <SortButton label={column.label} direction={column.sort === sortBy ? sort.direction : undefined} onPress={() => onSort(column.sort!)} />
              ) : (
                <span className="pp-head-label">
                  {column.label}
                  {column.note ? <span className="pp-head-note"> ({column.note})</span> : null}
                </span>
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="pp-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const person = rows[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              className="pp-row pp-body-row"
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div role="rowheader" className="pp-cell pp-name">
                <Link to={participantsPath(pilotId, person.id)} className="pp-person-link">
                  {person.name}
                </Link>
                <span className="pp-sub">{person.email}</span>
              </div>
              <div role="cell" className="pp-cell">
                {roleLabels[person.role]}
              </div>
              <div role="cell" className="pp-cell">
                {person.department || <span className="muted">Not given</span>}
                {person.level ? <span className="pp-sub">{person.level}</span> : null}
              </div>
              <div role="cell" className="pp-cell">
                <span className={`pp-status pp-status-${person.status}`}>{statusLabels[person.status]}</span>
              </div>
              <div role="cell" className="pp-cell">
                <span className={`pp-consent pp-consent-${person.consent}`}>{consentLabels[person.consent]}</span>
              </div>
              <div role="cell" className="pp-cell">
                {person.characteristics.length > 0 ? (
                  <span className="pp-characteristics">{person.characteristics.join(', ')}</span>
                ) : (
                  <span className="muted">None given</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

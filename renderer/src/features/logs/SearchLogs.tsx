import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { gibbsLabels, HIGHLIGHT_END, HIGHLIGHT_START, SEARCH_COUNT_CAP, searchOrders, type SearchHit, type SearchOrder, type SearchResult } from '../../../../shared/logs/contract';
import { Button } from '../../ui/Button';
import { SelectInput, TextInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/Page';
import { useLogSearch } from './api';
import { usePilotId } from '../../app/usePilotId';
import { PersonLink } from '../../app/PersonLink';
import { Pager } from '../../ui/Pager';
import { formatDay } from '../../../../shared/dates';
import { pairMeetingsPath } from '../../app/paths';
import { plural } from '../../../../shared/words';

/**
 * A passage with the core's hit markers (U+E000 … U+E001) as <mark> elements. Text is rendered
 * as text, never as HTML: whatever a log contains cannot become markup.
 */
function Highlighted({ text }: { text: string }) {
  const parts: { hit: boolean; text: string }[] = [];
  text.split(HIGHLIGHT_START).forEach((piece, i) => {
    if (i === 0) return parts.push({ hit: false, text: piece });
    const end = piece.indexOf(HIGHLIGHT_END);
    if (end === -1) return parts.push({ hit: false, text: piece });
    parts.push({ hit: true, text: piece.slice(0, end) }, { hit: false, text: piece.slice(end + 1) });
  });
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i}>{part.text}</mark>
        ) : (
          // A stray end marker (no start) is dropped rather than shown as a box.
          <span key={i}>{part.text.split(HIGHLIGHT_END).join('')}</span>
        ),
      )}
    </>
  );
}

const PAGE = 50;
const orderLabels: Record<SearchOrder, string> = { newest: 'Newest first', relevance: 'Best match' };
const stateLabels: Record<SearchHit['state'], string> = { draft: 'Draft', submitted: 'Submitted', 'not-provided': 'Not provided' };

function summary(result: SearchResult, query: string, order: SearchOrder): string {
  if (result.total === 0) return `No log matches “${query}”.`;
  const count = result.more ? `More than ${result.total} logs match` : `${plural(result.total, 'log')} ${result.total === 1 ? 'matches' : 'match'}`;
  const shown = result.more || result.total > PAGE ? ` Showing ${result.offset + 1}–${result.offset + result.hits.length}, ${order === 'newest' ? 'newest' : 'best match'} first.` : '';
  return `${count} “${query}”.${shown}`;
}

export function SearchLogs() {
  const pilotId = usePilotId();
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const order: SearchOrder = params.get('order') === 'relevance' ? 'relevance' : 'newest';
  const [typed, setTyped] = useState(query);
  const [chosenOrder, setChosenOrder] = useState<SearchOrder>(order);
  const [offset, setOffset] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const results = useLogSearch(pilotId, query, order, offset, PAGE);
  // While a new search loads, the previous one's hits stay only if they are for the same words.
  const shown = query.trim() && !(results.isPlaceholderData && offset === 0) ? results.data : undefined;

  const search = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', 'search');
        if (typed.trim()) next.set('q', typed.trim());
        else next.delete('q');
        if (chosenOrder === 'relevance') next.set('order', 'relevance');
        else next.delete('order');
        return next;
      },
      { replace: true },
    );
  };
  const page = (next: number) => {
    setOffset(next);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return (
    <>
      <form role="search" onSubmit={search} className="ml-search-form" aria-label="Search the logs">
        <TextInput
          label="Search the logs"
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          description="Every word must appear, as a word or the start of one: “belong” finds belonging. Drafts are searched too, and marked as drafts."
          autoComplete="off"
        />
        <SelectInput
          label="Order"
          value={chosenOrder}
          onChange={(e) => setChosenOrder(e.target.value === 'relevance' ? 'relevance' : 'newest')}
          options={searchOrders.map((o) => ({ value: o, label: orderLabels[o] }))}
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      <div aria-live="polite" className="ml-search-summary" id={`${uid}-summary`} ref={summaryRef} tabIndex={-1}>
        {query && shown ? <p>{summary(shown, query, order)}</p> : null}
      </div>
      {query && results.isPending ? <Loading label="Searching…" /> : null}
      {query ? <ErrorMessage error={results.error} /> : null}
      {shown && shown.hits.length > 0 ? (
        <>
          <ol className="ml-hits" aria-label="Matching logs" aria-describedby={`${uid}-summary`} start={shown.offset + 1}>
            {shown.hits.map((hit) => (
              <li key={hit.logId} className="ml-hit">
                <h3 className="ml-hit-title">
                  <PersonLink pilotId={pilotId} person={{ id: hit.authorId, name: hit.authorName }} /> <span className="ml-hit-meta">· {formatDay(hit.meetingDate)} · {hit.themeTitle}</span>{' '}
                  <span className={`pill pill-log-${hit.state}`}>{stateLabels[hit.state]}</span>
                </h3>
                <dl className="ml-passages">
                  {hit.snippets.map((s) => (
                    <div key={s.stage}>
                      <dt>{gibbsLabels[s.stage]}</dt>
                      <dd>
                        <Highlighted text={s.text} />
                      </dd>
                    </div>
                  ))}
                </dl>
                <p className="ml-hit-link">
                  <Link to={pairMeetingsPath(pilotId, hit.pairId)} aria-label={`The pair’s meetings and logs (${hit.authorName}, ${formatDay(hit.meetingDate)})`}>
                    The pair’s meetings and logs
                  </Link>
                </p>
              </li>
            ))}
          </ol>
          <Pager total={shown.more ? SEARCH_COUNT_CAP : shown.total} offset={shown.offset} pageSize={PAGE} what={shown.more ? 'the first 500 matching logs' : 'matching logs'} onPage={page} />
        </>
      ) : null}
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { gibbsLabels, HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../shared/logs/contract';
import { useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/Page';
import { usePilotId } from '../pilots/usePilotId';
import { formatDay, pairPath, plural } from '../meetings/common';

/**
 * A passage with the core's hit markers (U+E000 … U+E001) as <mark> elements. Text is rendered
 * as text, never as HTML: whatever a log contains cannot become markup.
 */
export function Highlighted({ text }: { text: string }) {
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

export function SearchLogs() {
  const pilotId = usePilotId();
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [typed, setTyped] = useState(query);
  const results = useChannel('logs.search', { pilotId, query, limit: 50 }, { enabled: query.trim().length > 0 });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', 'search');
        if (typed.trim()) next.set('q', typed.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <form role="search" onSubmit={search} className="ml-search-form" aria-label="Search the logs">
        <TextInput
          label="Search the logs"
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          description="Every word must appear, as a word or the start of one: “belong” finds belonging. Drafts are searched too."
          autoComplete="off"
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      <div aria-live="polite" className="ml-search-summary" id={`${uid}-summary`}>
        {query && results.data ? (
          <p>
            {results.data.length === 0 ? `No log matches “${query}”.` : `${plural(results.data.length, 'log')} ${results.data.length === 1 ? 'matches' : 'match'} “${query}”${results.data.length === 50 ? ' (the 50 best shown)' : ''}.`}
          </p>
        ) : null}
      </div>
      {query && results.isPending ? <Loading label="Searching…" /> : null}
      <ErrorMessage error={results.error} />
      {results.data && results.data.length > 0 ? (
        <ol className="ml-hits" aria-describedby={`${uid}-summary`}>
          {results.data.map((hit) => (
            <li key={hit.logId} className="ml-hit">
              <h3 className="ml-hit-title">
                {hit.authorName} <span className="ml-hit-meta">· {formatDay(hit.meetingDate)} · {hit.themeTitle}</span>
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
                <Link to={pairPath(pilotId, hit.pairId)} aria-label={`The pair’s meetings and logs (${hit.authorName}, ${formatDay(hit.meetingDate)})`}>
                  The pair’s meetings and logs
                </Link>
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

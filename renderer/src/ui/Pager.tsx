import { Button } from './Button';

/** "Showing 101–200 of 340 overdue meetings", with Previous and Next when there is more than one page. */
export function Pager({ total, offset, pageSize, what, onPage }: { total: number; offset: number; pageSize: number; what: string; onPage: (offset: number) => void }) {
  if (total <= pageSize) return null;
  const last = Math.min(total, offset + pageSize);
  return (
    <div className="pager" role="group" aria-label={`Pages of ${what}`}>
      <p className="pager-status" aria-live="polite">
        Showing {offset + 1}–{last} of {total} {what}
      </p>
      <Button isDisabled={offset === 0} onPress={() => onPage(Math.max(0, offset - pageSize))}>
        Previous {pageSize}
      </Button>
      <Button isDisabled={last >= total} onPress={() => onPage(offset + pageSize)}>
        Next {Math.min(pageSize, total - last) || pageSize}
      </Button>
    </div>
  );
}

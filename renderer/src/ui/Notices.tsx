import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button } from './Button';

/** A plain confirmation, a failure, or a confirmation that can be undone: each kind shows at most once, two at most in all. */
type NoticeKind = 'success' | 'error' | 'undo';

interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  action?: { label: string; run: () => void };
  createdAt: number;
}

interface NoticeOptions {
  tone?: 'success' | 'error';
  action?: Notice['action'];
}

interface NoticeApi {
  notify: (message: string, options?: NoticeOptions) => void;
}

interface NoticeState {
  notices: Notice[];
  dismiss: (id: number) => void;
  /** Drops what belongs to the screen just left (see NoticeArea). */
  dropOlderThan: (ms: number) => void;
  registerArea: () => () => void;
}

/** How long each kind stays on screen (paused while the pointer or focus is on it); errors stay until dismissed. */
const LIFETIME_MS: Record<NoticeKind, number | undefined> = { success: 5_000, undo: 15_000, error: undefined };
const MAX_VISIBLE = 2;
/** A notice raised this shortly before a route change belongs to the action that caused it ("Pilot created", then the list). */
const CARRIED_ACROSS_NAVIGATION_MS = 1_000;

const NoticeContext = createContext<NoticeApi>({ notify: () => {} });
const NoticeStateContext = createContext<NoticeState | undefined>(undefined);
export const useNotices = () => useContext(NoticeContext);

/**
 * What a new notice replaces: the older one of its kind; a confirmation also replaces an earlier
 * failure (the next thing worked, so the failure is stale), and an undo notice a plain confirmation.
 * A plain confirmation never ends an undo notice early, and a failure never hides either.
 */
const REPLACES: Record<NoticeKind, NoticeKind[]> = { success: ['success', 'error'], undo: ['undo', 'success', 'error'], error: ['error'] };

/** When too many still show, the oldest that is not an undo goes first. */
function withNotice(all: Notice[], notice: Notice): Notice[] {
  const next = [...all.filter((n) => !REPLACES[notice.kind].includes(n.kind)), notice];
  while (next.length > MAX_VISIBLE) {
    const oldest = next.findIndex((n) => n.kind !== 'undo');
    next.splice(oldest === -1 ? 0 : oldest, 1);
  }
  return next;
}

/**
 * Short confirmations ("Pilot archived. Undo"). They appear in the area the layout reserves for them
 * (NoticeArea, at the foot of the sidebar) so they never cover the page; where no area is mounted
 * (the unlock and create-vault screens) a floating area stands in.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [areas, setAreas] = useState(0);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const dropOlderThan = useCallback((ms: number) => {
    const cutoff = Date.now() - ms;
    setNotices((all) => (all.some((n) => n.createdAt < cutoff) ? all.filter((n) => n.createdAt >= cutoff) : all));
  }, []);
  const registerArea = useCallback(() => {
    setAreas((count) => count + 1);
    return () => setAreas((count) => count - 1);
  }, []);
  const notify = useCallback<NoticeApi['notify']>((message, options = {}) => {
    const kind: NoticeKind = options.action ? 'undo' : options.tone === 'error' ? 'error' : 'success';
    const notice: Notice = { id: nextId.current++, kind, message, createdAt: Date.now(), ...(options.action ? { action: options.action } : {}) };
    setNotices((all) => withNotice(all, notice));
  }, []);

  const api = useMemo(() => ({ notify }), [notify]);
  const state = useMemo(() => ({ notices, dismiss, dropOlderThan, registerArea }), [notices, dismiss, dropOlderThan, registerArea]);
  return (
    <NoticeContext.Provider value={api}>
      <NoticeStateContext.Provider value={state}>
        {children}
        {areas === 0 ? <NoticeList className="notices notices-floating" /> : null}
      </NoticeStateContext.Provider>
    </NoticeContext.Provider>
  );
}

/** The reserved place for notices inside the router: what belonged to the screen just left is cleared on navigation. */
export function NoticeArea() {
  const state = useContext(NoticeStateContext);
  const location = useLocation();
  const registerArea = state?.registerArea;
  const dropOlderThan = state?.dropOlderThan;
  useEffect(() => registerArea?.(), [registerArea]);
  // A new path or query (tabs keep theirs in the query) is another screen.
  useEffect(() => {
    dropOlderThan?.(CARRIED_ACROSS_NAVIGATION_MS);
  }, [location.pathname, location.search, dropOlderThan]);
  return <NoticeList className="notices notices-docked" />;
}

function NoticeList({ className }: { className: string }) {
  const state = useContext(NoticeStateContext);
  const region = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  if (!state) return null;
  const { notices, dismiss } = state;

  // Dismissing the notice that holds focus would drop focus on the page body: return it to the content.
  const close = (id: number) => {
    const hadFocus = region.current?.contains(document.activeElement) ?? false;
    dismiss(id);
    if (hadFocus) document.getElementById('main')?.focus();
  };

  return (
    <div
      ref={region}
      className={className}
      role="status"
      aria-live="polite"
      aria-label="Messages"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} paused={hovered || focused} onClose={() => close(notice.id)} />
      ))}
    </div>
  );
}

function NoticeItem({ notice, paused, onClose }: { notice: Notice; paused: boolean; onClose: () => void }) {
  useCountdown(LIFETIME_MS[notice.kind], paused, onClose);
  return (
    <div
      className={`notice notice-${notice.kind}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="notice-message">{notice.message}</p>
      {notice.action ? (
        <Button
          variant="quiet"
          className="notice-action"
          onPress={() => {
            notice.action!.run();
            onClose();
          }}
        >
          {notice.action.label}
        </Button>
      ) : null}
      <Button variant="quiet" aria-label="Dismiss this message" className="notice-dismiss" onPress={onClose}>
        ×
      </Button>
    </div>
  );
}

/** Calls `onDone` after `ms` of unpaused time; pausing keeps what is left, so a hovered notice never vanishes early. */
function useCountdown(ms: number | undefined, paused: boolean, onDone: () => void) {
  const remaining = useRef(ms);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (remaining.current === undefined || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => done.current(), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current! - (Date.now() - started));
    };
  }, [paused]);
}

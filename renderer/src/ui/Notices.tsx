import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';

interface Notice {
  id: number;
  message: string;
  tone: 'success' | 'error';
  action?: { label: string; run: () => void };
}

interface NoticeApi {
  notify: (message: string, options?: { tone?: Notice['tone']; action?: Notice['action'] }) => void;
}

const NoticeContext = createContext<NoticeApi>({ notify: () => {} });
export const useNotices = () => useContext(NoticeContext);

/** Short confirmations ("Pilot archived. Undo") announced to screen readers through a live region. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback<NoticeApi['notify']>(
    (message, options = {}) => {
      const id = nextId.current++;
      setNotices((all) => [...all.slice(-2), { id, message, tone: options.tone ?? 'success', ...(options.action ? { action: options.action } : {}) }]);
      // Long enough to reach an Undo button by keyboard.
      setTimeout(() => dismiss(id), options.action ? 12_000 : 6_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.tone}`}>
            <span>{notice.message}</span>
            {notice.action ? (
              <Button
                variant="quiet"
                onPress={() => {
                  notice.action!.run();
                  dismiss(notice.id);
                }}
              >
                {notice.action.label}
              </Button>
            ) : null}
            <Button variant="quiet" aria-label="Dismiss" onPress={() => dismiss(notice.id)}>
              ×
            </Button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

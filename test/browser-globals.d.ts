import type { Api } from '../shared/contract';

declare global {
  interface Window {
    api: Api;
    /** Set by the renderer (renderer/src/ui/pending-saves.ts); main calls it before a screen-lock or sleep lock. */
    __reciprocalFlushPendingSaves?: () => Promise<void>;
  }
}

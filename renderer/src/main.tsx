// First: it configures zod before any schema is built.
import './zod-config';
// Before any screen's module, so styles a component imports itself come after (and refine) the shared ones.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './queries';
import { App } from './app/App';
import { NoticeProvider } from './ui/Notices';
import { exposeFlushToMainProcess } from './ui/pending-saves';

exposeFlushToMainProcess();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <App />
      </NoticeProvider>
    </QueryClientProvider>
  </StrictMode>,
);

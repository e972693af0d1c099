// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './jsdom-gaps';
import { ApiError } from '../../api';
import { NoticeProvider } from '../Notices';
import { FormError } from '../FormDialog';
import { useExport, type ExportOptions } from '../useExport';

const cancelled = () => new ApiError({ code: 'CANCELLED', message: 'Nothing was exported: no folder was chosen.' });
const diskFull = () => new ApiError({ code: 'IO_ERROR', message: 'The folder could not be written to.' });

function Exporter({ run, options }: { run: () => Promise<string>; options: Omit<ExportOptions<string>, 'written'> }) {
  const exporter = useExport(run, { written: (file) => `Wrote ${file}.`, ...options });
  return (
    <>
      <button type="button" disabled={exporter.busy} onClick={() => void exporter.start()}>
        {exporter.busy ? 'Exporting…' : 'Export'}
      </button>
      <FormError message={exporter.failed} />
    </>
  );
}

const show = (run: () => Promise<string>, options: Omit<ExportOptions<string>, 'written'> = {}) =>
  render(
    <NoticeProvider>
      <Exporter run={run} options={options} />
    </NoticeProvider>,
  );

afterEach(cleanup);

describe('useExport', () => {
  it('says where the files went, and is busy only while writing', async () => {
    let finish: (file: string) => void = () => {};
    show(() => new Promise<string>((resolve) => (finish = resolve)));
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getByRole('button', { name: 'Exporting…' })).toHaveProperty('disabled', true);
    finish('/home/c/report.pdf');
    expect(await screen.findByText('Wrote /home/c/report.pdf.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export' })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells a closed folder dialog as a choice, never as a failure', async () => {
    show(() => Promise.reject(cancelled()));
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Nothing was exported: no folder was chosen.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps quiet about a closed folder dialog when asked to', async () => {
    show(() => Promise.reject(cancelled()), { announceCancel: false });
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByRole('button', { name: 'Export' });
    expect(screen.queryByText(/Nothing was exported/)).toBeNull();
  });

  it('shows a failure as a banner on the page, cleared by the next try', async () => {
    let attempt = 0;
    show(() => (++attempt === 1 ? Promise.reject(diskFull()) : Promise.resolve('/home/c/report.pdf')));
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The folder could not be written to.');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Wrote /home/c/report.pdf.')).toBeTruthy();
    expect(screen.queryByText('The folder could not be written to.')).toBeNull();
  });

  it('or as an error notice, leaving the page as it was', async () => {
    show(() => Promise.reject(diskFull()), { failuresAs: 'notice' });
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('The folder could not be written to.')).toBeTruthy();
    expect(document.querySelector('.error-banner')).toBeNull();
  });
});

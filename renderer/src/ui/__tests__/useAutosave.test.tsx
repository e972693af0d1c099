// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { AUTOSAVE_PAUSE_MS, useAutosave } from '../useAutosave';
import { flushPendingSaves } from '../pending-saves';

/** A save that resolves when the test says so, to see what happens while one is under way. */
function controllableSave() {
  const calls: string[] = [];
  const pending: ((value: string) => void)[] = [];
  const save = vi.fn((value: string) => {
    calls.push(value);
    return new Promise<string>((resolve) => pending.push(resolve));
  });
  const finish = async () => {
    await act(async () => pending.shift()!(calls.at(-1)!));
  };
  return { save, calls, finish };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const pause = () => act(() => vi.advanceTimersByTime(AUTOSAVE_PAUSE_MS));

describe('useAutosave', () => {
  it('saves once typing pauses, with the latest text only', async () => {
    const save = vi.fn(async (value: string) => value);
    const onSaved = vi.fn();
    const { result } = renderHook(() => useAutosave({ initial: '', save, onSaved }));
    act(() => {
      result.current.change('W');
      result.current.change('We');
      result.current.change('We met');
    });
    await act(() => vi.advanceTimersByTime(AUTOSAVE_PAUSE_MS - 1));
    expect(save).not.toHaveBeenCalled();
    await pause();
    expect(save.mock.calls).toEqual([['We met']]);
    expect(onSaved).toHaveBeenCalledWith('We met');
  });

  it('saves nothing when the text is what was last saved', async () => {
    const save = vi.fn(async (value: string) => value);
    const { result } = renderHook(() => useAutosave({ initial: 'Draft', save }));
    act(() => result.current.change('Draft'));
    await pause();
    await act(() => result.current.flush());
    expect(save).not.toHaveBeenCalled();
  });

  it('runs saves one after another, the second with what was typed meanwhile', async () => {
    const { save, calls, finish } = controllableSave();
    const { result } = renderHook(() => useAutosave({ initial: '', save }));
    act(() => result.current.change('first'));
    await pause();
    act(() => result.current.change('first and second'));
    await pause();
    expect(calls).toEqual(['first']);
    await finish();
    expect(calls).toEqual(['first', 'first and second']);
    await finish();
  });

  it('saves what is in the typing pause when the editor closes, and tells the caller afterwards', async () => {
    const save = vi.fn(async (value: string) => value);
    const onSaved = vi.fn();
    const { result, unmount } = renderHook(() => useAutosave({ initial: '', save, onSaved }));
    act(() => result.current.change('Typed just before leaving'));
    unmount();
    await act(async () => {});
    expect(save.mock.calls).toEqual([['Typed just before leaving']]);
    expect(onSaved).toHaveBeenCalledWith('Typed just before leaving');
  });

  it('saves before the vault locks (flushPendingSaves), without waiting for the pause', async () => {
    const save = vi.fn(async (value: string) => value);
    const { result } = renderHook(() => useAutosave({ initial: '', save }));
    act(() => result.current.change('Locked mid-sentence'));
    await act(() => flushPendingSaves());
    expect(save.mock.calls).toEqual([['Locked mid-sentence']]);
  });

  it('reports a failed save and tries again at the next pause', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('The vault is locked.')).mockResolvedValue('ok');
    const onFailed = vi.fn();
    const { result } = renderHook(() => useAutosave({ initial: '', save, onFailed }));
    act(() => result.current.change('Something'));
    await pause();
    expect(onFailed).toHaveBeenCalledWith(new Error('The vault is locked.'));
    act(() => result.current.change('Something more'));
    await pause();
    expect(save.mock.calls).toEqual([['Something'], ['Something more']]);
  });

  it('does not save as you type while the caller says it must not (a submitted log)', async () => {
    const save = vi.fn(async (value: string) => value);
    const { result } = renderHook(() => useAutosave({ initial: 'Submitted text', save, canSave: () => false }));
    act(() => result.current.change('Changed after submitting'));
    await pause();
    await act(() => result.current.flush());
    expect(save).not.toHaveBeenCalled();
    expect(result.current.isSaved('Changed after submitting')).toBe(false);
    act(() => result.current.markSaved('Changed after submitting'));
    expect(result.current.isSaved('Changed after submitting')).toBe(true);
  });
});

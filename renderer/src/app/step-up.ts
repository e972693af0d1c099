import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';
import { useChannel } from '../queries';
import type { Channel, ChannelInput } from '../../../shared/contract';

/**
 * The safeguarding register's step-up as the window sees it. The main process holds the step-up
 * and decides; the window only asks whether it is open and learns when it closes: at the time the
 * status gave, or when a restricted call is refused (STEP_UP_REQUIRED). Shared by the register
 * (features/safeguarding) and the "Raise a concern" button other screens mount.
 */

const STATUS_KEY = ['safeguarding.stepUpStatus', {}] as const;

/** Whether the register is open; asks again when it would close, so the screen follows without polling. */
export function useStepUpStatus() {
  const status = useChannel('safeguarding.stepUpStatus', {});
  const { refetch } = status;
  const expiresAt = status.data?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(() => void refetch(), Math.max(0, Date.parse(expiresAt) - Date.now()) + 250);
    return () => clearTimeout(timer);
  }, [expiresAt, refetch]);
  return status;
}

export const isStepUpRequired = (error: unknown) => error instanceof ApiError && error.code === 'STEP_UP_REQUIRED';

/** After a failed restricted call: if the register had closed, ask its status again so the passphrase is asked for. */
export function useRecheckStepUp() {
  const client = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isStepUpRequired(error)) void client.invalidateQueries({ queryKey: STATUS_KEY });
    },
    [client],
  );
}

/** A restricted read (useChannel) that notices the register closing under it. */
export function useRestrictedChannel<C extends Channel>(channel: C, input: ChannelInput<C>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  const query = useChannel(channel, input, options);
  const recheck = useRecheckStepUp();
  const { error } = query;
  useEffect(() => {
    if (error) recheck(error);
  }, [error, recheck]);
  return query;
}

import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput } from '../../../shared/contract';
import { refreshAfter, useCommand } from '../queries';
import { useNotices } from './Notices';
import { errorText } from './errors';

/**
 * The record a detail page shows, deleted after a question, then the page left for its list. The
 * record's own query (`getChannel` with its id) is dropped rather than refreshed (refetching it once
 * it is gone would only fail), and what the delete declares is refreshed after leaving.
 * `deleting` opens the question; `confirmDelete` answers it.
 */
export function useDeleteAndLeave<C extends Channel>(channel: C, getChannel: Channel, listPath: string) {
  const remove = useCommand(channel, { refresh: false });
  const client = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const [deleting, setDeleting] = useState(false);

  const confirmDelete = async (id: number, deletedMessage: string) => {
    try {
      await remove.mutateAsync({ id } as ChannelInput<C>);
      setDeleting(false);
      void navigate(listPath);
      client.removeQueries({ queryKey: [getChannel, { id }] });
      await refreshAfter(client, channel);
      notify(deletedMessage);
    } catch (error) {
      setDeleting(false);
      notify(errorText(error), { tone: 'error' });
    }
  };

  return { deleting, setDeleting, confirmDelete, isPending: remove.isPending };
}

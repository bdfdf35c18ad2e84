import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeliveryChanges } from '../../report/hooks/useDeliveryChanges';
import { inboxApi } from '../api/inboxApi';

/** Replies arrive without a live event of their own: look again this often as well. */
const pollMs = 60_000;

/**
 * The number of unread replies for the navigation badge: refetched on window focus, every minute, and when
 * a delivery changes live (an answer turns its question's delivery to `answered`).
 */
export function useUnreadCount(): number | undefined {
  const client = useQueryClient();
  const unread = useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: () => inboxApi.list('pageSize=1'),
    refetchInterval: pollMs,
    refetchOnWindowFocus: true,
    select: (page) => page.unread,
  });
  useDeliveryChanges(() => void client.invalidateQueries({ queryKey: ['inbox'] }));
  return unread.data;
}

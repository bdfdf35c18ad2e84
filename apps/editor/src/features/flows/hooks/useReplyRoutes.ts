import type { ReplyRoutes } from '@clinicflow/channels/browser';
import { useQuery } from '@tanstack/react-query';
import { settingsApi } from '../../settings/api/settingsApi';

/**
 * How the clinic's patients can answer questions (F4), from its settings (the query the other screens share);
 * undefined until they are loaded, and then questions are not checked on the cards (publishing still is).
 */
export function useReplyRoutes(): ReplyRoutes | undefined {
  return useQuery({ queryKey: ['settings'], queryFn: settingsApi.get }).data?.replyRoutes;
}

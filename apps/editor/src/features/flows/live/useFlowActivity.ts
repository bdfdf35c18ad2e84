import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Messages } from '../../../i18n/messages';
import { useLiveEvents } from '../../../live';
import { formatMessage } from '../utils/formatMessage';
import { flowActivityApi, type ActivityOutcome } from './flowActivityApi';
import { outcomeWords } from './outcomeWords';

/** Events of one burst (a batch of reminders going out) are answered with one refetch after this. */
const refetchDelayMs = 400;

const outcomeKey = (o: ActivityOutcome) => `${o.deliveryId ?? o.runId}|${o.status}|${o.at}`;

/**
 * Refetches a flow's counts on its live events (at most once per burst) and when the socket comes back:
 * the database is the truth, an event only says "something changed". Mounted only while the overlay is on,
 * so a flow that is off opens no socket.
 */
export function useActivityRefetch(flowId: string) {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetch = () => void queryClient.invalidateQueries({ queryKey: ['flow-activity', flowId] });
  useLiveEvents(
    (_type, payload) => {
      if (payload.flowId !== flowId || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        refetch();
      }, refetchDelayMs);
    },
    { onReconnect: refetch },
  );
  useEffect(() => () => clearTimeout(timer.current), []);
}

/**
 * Today's counts of a flow while `active`, fetched again when the window gets the focus back; new outcomes
 * since the last fetch are put in words for the aria-live region.
 */
export function useFlowActivity(
  flowId: string,
  active: boolean,
  t: Messages,
  stepName: (nodeId: string) => string,
) {
  const query = useQuery({
    queryKey: ['flow-activity', flowId],
    queryFn: () => flowActivityApi.activity(flowId),
    enabled: active,
    refetchOnWindowFocus: 'always',
  });
  // what was new in the last answer, read out; the first answer is what the screen shows on opening
  const latest = query.data?.latest;
  const [heard, setHeard] = useState({ latest, announcement: '' });
  if (heard.latest !== latest) {
    let announcement = heard.announcement;
    if (heard.latest && latest) {
      const known = new Set(heard.latest.map(outcomeKey));
      const fresh = latest.filter((o) => !known.has(outcomeKey(o)));
      const newest = fresh.find((o) => o.deliveryId) ?? fresh[0];
      if (newest)
        announcement = formatMessage(t.flowLiveAnnouncement, {
          step: newest.nodeId ? stepName(newest.nodeId) : '',
          status: outcomeWords(t, newest.status),
          recipient: newest.recipientName ? ` — ${newest.recipientName}` : '',
        });
    }
    setHeard({ latest, announcement });
  }

  return { query, announcement: heard.announcement };
}

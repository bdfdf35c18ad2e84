import { Badge, Checkbox, Group, Pagination, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { LiveBadge } from '../../live';
import { formatMessage } from '../flows/utils/formatMessage';
import { useDeliveryChanges } from '../report/hooks/useDeliveryChanges';
import { inboxApi, type InboxItem } from './api/inboxApi';
import { InboxList } from './components/InboxList';

const pageSize = 20;
type ReadFilter = 'all' | 'unread' | 'read';

/** `/inbox` (S6): replies the engine could not act on, read / unread, follow-up flag, filters. */
export default function InboxPage() {
  const t = useMessages();
  const client = useQueryClient();
  const [read, setRead] = useState<ReadFilter>('all');
  const [followUp, setFollowUp] = useState(false);
  const [every, setEvery] = useState(false);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (read !== 'all') query.set('read', String(read === 'read'));
  if (followUp) query.set('followUp', 'true');
  if (every) query.set('all', 'true');
  const list = useQuery({
    queryKey: ['inbox', 'list', query.toString()],
    queryFn: () => inboxApi.list(query.toString()),
    placeholderData: keepPreviousData,
  });
  useDeliveryChanges(() => void client.invalidateQueries({ queryKey: ['inbox'] }));
  const change = useMutation({
    mutationFn: ({ item, patch }: { item: InboxItem; patch: { read?: boolean; followUp?: boolean } }) =>
      inboxApi.change(item.id, patch),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const open = (item: InboxItem) => {
    setOpenId(openId === item.id ? null : item.id);
    if (!item.read) change.mutate({ item, patch: { read: true } });
  };
  const filterChanged = (apply: () => void) => {
    apply();
    setPage(1);
  };
  const total = list.data?.total ?? 0;
  return (
    <Stack maw={900}>
      <Group gap="sm">
        <Title order={2}>{t.inboxTitle}</Title>
        {list.data !== undefined && (
          <Badge color={list.data.unread ? 'red' : 'gray'} data-testid="inbox-page-unread">
            {formatMessage(t.inboxUnread, { count: list.data.unread })}
          </Badge>
        )}
        <LiveBadge />
      </Group>
      <Text c="dimmed">{t.inboxIntro}</Text>
      <Group gap="lg">
        <SegmentedControl
          aria-label={t.inboxFilterRead}
          size="xs"
          value={read}
          onChange={(value) => filterChanged(() => setRead(value as ReadFilter))}
          data={[
            { value: 'all', label: t.inboxFilterAll },
            { value: 'unread', label: t.inboxFilterUnread },
            { value: 'read', label: t.inboxFilterReadOnly },
          ]}
        />
        <Checkbox
          label={t.inboxFilterFollowUp}
          checked={followUp}
          onChange={(e) => filterChanged(() => setFollowUp(e.currentTarget.checked))}
        />
        <Checkbox
          label={t.inboxEveryReply}
          checked={every}
          onChange={(e) => filterChanged(() => setEvery(e.currentTarget.checked))}
        />
      </Group>
      {list.error && (
        <Text c="red" role="alert">
          {list.error.message}
        </Text>
      )}
      {list.data && (
        <InboxList
          items={list.data.items}
          openId={openId}
          onOpen={open}
          onChange={(item, patch) => change.mutate({ item, patch })}
        />
      )}
      {total > pageSize && <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />}
    </Stack>
  );
}

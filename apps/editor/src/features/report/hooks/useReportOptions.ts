import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { flowsApi } from '../../flows/api/flowsApi';
import { reportApi } from '../api/reportApi';

const toOptions = (items: { id: string; name: string }[] | undefined) =>
  (items ?? []).map((item) => ({ value: item.id, label: item.name }));

/** The clinic's flows, practitioners, services and who may send, for the filter selects and the columns. */
export function useReportOptions() {
  const flows = useQuery({ queryKey: ['flows'], queryFn: flowsApi.list, staleTime: 60_000 });
  const resources = useQuery({
    queryKey: ['directory', 'resources'],
    queryFn: () => reportApi.directory('resources'),
    staleTime: 60_000,
  });
  const services = useQuery({
    queryKey: ['directory', 'services'],
    queryFn: () => reportApi.directory('services'),
    staleTime: 60_000,
  });
  const sentBy = useQuery({ queryKey: ['deliveries-sent-by'], queryFn: reportApi.sentBy, staleTime: 60_000 });
  return useMemo(
    () => ({
      flows: toOptions(flows.data),
      practitioners: toOptions(resources.data?.items),
      services: toOptions(services.data?.items),
      flowNames: new Map((flows.data ?? []).map((flow) => [flow.id, flow.name])),
      /** The users who may have sent messages by hand, by e-mail (the engine is the filter's own choice). */
      users: (sentBy.data?.items ?? []).flatMap((option) =>
        option.name === null ? [] : [{ value: option.sentBy, label: option.name }],
      ),
      userNames: new Map(
        (sentBy.data?.items ?? []).flatMap((option): [string, string][] =>
          option.name === null ? [] : [[option.sentBy, option.name]],
        ),
      ),
    }),
    [flows.data, resources.data, services.data, sentBy.data],
  );
}

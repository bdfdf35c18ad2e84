import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDirectory } from '../../../api/directoryApi';
import { templatesApi } from '../../templates/api/templatesApi';
import type { StepNames } from '../utils/summarizeStep';

/**
 * Names for the ids a step stores (services, practitioners, saved templates), so that cards say
 * "If the service is Contrôle" and not an id. An id the clinic no longer has is shown as it is.
 */
export function useStepNames(): StepNames {
  const services = useDirectory('services');
  const resources = useDirectory('resources');
  const templates = useQuery({ queryKey: ['templates'], queryFn: templatesApi.list, retry: false });
  return useMemo(() => {
    const index = (items: { id: string; name: string }[] | undefined) =>
      new Map((items ?? []).map((item) => [item.id, item.name]));
    const byKind = {
      service: index(services.data?.items),
      resource: index(resources.data?.items),
      template: index(templates.data?.items),
    };
    return (kind, id) => byKind[kind].get(id);
  }, [services.data, resources.data, templates.data]);
}

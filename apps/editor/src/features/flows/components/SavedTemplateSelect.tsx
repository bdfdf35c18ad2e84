import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useMessages } from '../../../i18n/useMessages';
import { templatesApi } from '../../templates/api/templatesApi';

/**
 * The clinic's saved templates of a channel to pick for a message step (the same list as the templates
 * screen). The step's current template stays an option even when the list cannot be read.
 */
export function SavedTemplateSelect({
  channel,
  current,
  ...field
}: { channel: string; current: string | undefined } & UseFormRegisterReturn) {
  const t = useMessages();
  const templates = useQuery({ queryKey: ['templates'], queryFn: templatesApi.list, retry: false });
  const ofChannel = (templates.data?.items ?? []).filter((template) => template.channel === channel);
  const known = ofChannel.some((template) => template.id === current);
  return (
    <NativeSelect
      label={t.fieldTemplateId}
      description={t.fieldTemplateHint}
      data={[
        { value: '', label: t.fieldTemplateNone },
        ...(current && !known ? [{ value: current, label: current }] : []),
        ...ofChannel.map((template) => ({ value: template.id, label: template.name })),
      ]}
      {...field}
    />
  );
}

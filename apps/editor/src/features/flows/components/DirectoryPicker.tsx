import { MultiSelect } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useDirectory, type DirectoryKind } from '../../../api/directoryApi';
import { useMessages } from '../../../i18n/useMessages';

/**
 * Picks services or practitioners by name for a condition, storing their ids. An id the clinic no longer
 * has stays listed (by its id) until it is removed, so opening a step never changes it.
 */
export function DirectoryPicker<Values extends FieldValues>({
  control,
  name,
  label,
  kind,
}: {
  control: Control<Values>;
  name: Path<Values>;
  label: string;
  kind: DirectoryKind;
}) {
  const t = useMessages();
  const directory = useDirectory(kind);
  const entries = directory.data?.items ?? [];
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const chosen = (field.value as string[] | undefined) ?? [];
        const unknown = chosen.filter((id) => !entries.some((entry) => entry.id === id));
        return (
          <MultiSelect
            label={label}
            placeholder={chosen.length === 0 ? t.directoryPickPlaceholder : undefined}
            data={[
              ...entries.map((entry) => ({ value: entry.id, label: entry.name })),
              ...unknown.map((id) => ({ value: id, label: id })),
            ]}
            value={chosen}
            onChange={field.onChange}
            searchable
            nothingFoundMessage={directory.isError ? t.directoryUnavailable : t.directoryNothingFound}
            error={fieldState.error?.message}
            comboboxProps={{ withinPortal: true }}
          />
        );
      }}
    />
  );
}

import { TEMPLATE_VARIABLES } from '@clinicflow/channels/browser';
import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useLanguage, useMessages } from '../../../i18n/useMessages';

/** The catalogue of merge variables with their meaning and an example; picking one inserts `{{path}}`. */
export function VariablePicker({ onPick }: { onPick: (placeholder: string) => void }) {
  const t = useMessages();
  const language = useLanguage();
  // the catalogue is the flow validator's own (the rules library's), described in the interface's language
  const options = useMemo(
    () =>
      TEMPLATE_VARIABLES.map((variable) => ({
        value: variable.path,
        label: `${variable.path} — ${variable.descriptions[language] ?? variable.description}${variable.example ? ` (${variable.example})` : ''}`,
      })),
    [language],
  );
  return (
    <Select
      label={t.templateInsertVariable}
      placeholder={t.templateSearchVariable}
      data={options}
      searchable
      value={null}
      onChange={(path) => path && onPick(`{{${path}}}`)}
      nothingFoundMessage={t.templateNoVariable}
      maxDropdownHeight={260}
      comboboxProps={{ width: 520 }}
    />
  );
}

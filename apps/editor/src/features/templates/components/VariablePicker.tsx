import { TEMPLATE_VARIABLES } from '@clinicflow/channels/browser';
import { Select } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';

const options = TEMPLATE_VARIABLES.map((variable) => ({
  value: variable.path,
  label: `${variable.path} — ${variable.description} (${variable.example})`,
}));

/** The catalogue of merge variables with their meaning and an example; picking one inserts `{{path}}`. */
export function VariablePicker({ onPick }: { onPick: (placeholder: string) => void }) {
  const t = useMessages();
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

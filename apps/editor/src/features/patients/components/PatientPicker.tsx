import { MultiSelect, Select, type ComboboxParsedItem } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';
import { patientLabel, type DirectoryPatient } from '../api/patientsApi';
import { usePatientSearch } from '../hooks/usePatientSearch';

interface Common {
  label: string;
  /** Shown under the field (what the choice is for). */
  description?: string;
  error?: string;
}
type Single = Common & {
  multiple?: false;
  value: DirectoryPatient | null;
  onChange: (patient: DirectoryPatient | null) => void;
};
type Multiple = Common & {
  multiple: true;
  value: DirectoryPatient[];
  onChange: (patients: DirectoryPatient[]) => void;
};

/**
 * Picks one patient (or several, `multiple`) of the clinic by searching them on the server as one types: the
 * whole directory is reachable, not only a first page. The chosen ones stay in the list while other searches
 * come and go.
 */
export function PatientPicker(props: Single | Multiple) {
  const t = useMessages();
  const [search, setSearch] = useState('');
  const chosen = props.multiple ? props.value : props.value ? [props.value] : [];
  // a single pick writes its label in the box: that is not a search
  const typed = !props.multiple && props.value && search === patientLabel(props.value) ? '' : search;
  const results = usePatientSearch(typed);
  const found = results.data?.items ?? [];
  const known = new Map([...found, ...chosen].map((patient) => [patient.id, patient]));
  const data = [...known.values()].map((patient) => ({ value: patient.id, label: patientLabel(patient) }));
  const total = results.data?.total ?? 0;
  // while choosing: say that more patients match than are shown (not once one is chosen)
  const choosing = props.multiple || !props.value;
  const description =
    choosing && total > found.length
      ? formatMessage(t.patientSearchMore, { count: found.length, total })
      : props.description;
  const error =
    props.error ??
    (results.error ? formatMessage(t.patientSearchFailed, { reason: results.error.message }) : undefined);
  const common = {
    label: props.label,
    description,
    error,
    placeholder: t.patientSearchPlaceholder,
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    // the API searched already (accents, phone numbers): show what it found as it is
    filter: ({ options }: { options: ComboboxParsedItem[] }) => options,
    nothingFoundMessage: results.isFetching ? t.loading : t.patientSearchNone,
  } as const;
  if (props.multiple) {
    return (
      <MultiSelect
        {...common}
        value={props.value.map((patient) => patient.id)}
        onChange={(ids) => props.onChange(ids.map((id) => known.get(id)!).filter(Boolean))}
        clearable
      />
    );
  }
  return (
    <Select
      {...common}
      value={props.value?.id ?? null}
      onChange={(id) => props.onChange(id ? (known.get(id) ?? null) : null)}
      clearable
    />
  );
}

import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import type { ApiFieldError } from '../../../api/apiClient';
import { useClinicClock } from '../../../clock';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';

/**
 * A section's Save button with where it stands (unsaved changes / saved), and the API's refusal: its
 * message, and the field errors no field of the section showed (`shownPaths` lists those it did).
 */
export function SectionFooter({
  label,
  dirty,
  saved,
  saving,
  error,
  conflict,
  errors,
  shownPaths,
  onSave,
}: {
  label: string;
  dirty: boolean;
  saved: boolean;
  saving: boolean;
  error: Error | null;
  /** Set when another manager saved this section since it was opened: the two ways out. */
  conflict?: {
    by?: string;
    at?: string;
    timeZone: string;
    reload: () => Promise<void>;
    overwrite: () => Promise<void>;
  } | null;
  errors: ApiFieldError[];
  shownPaths: string[];
  onSave: () => void;
}) {
  const t = useMessages();
  const clock = useClinicClock();
  const elsewhere = errors.filter(
    (e) => !shownPaths.some((p) => e.path === `body.${p}` || e.path?.startsWith(`body.${p}.`)),
  );
  return (
    <>
      {error && conflict && (
        <Alert color="orange" role="alert" title={t.settingsChangedElsewhere}>
          {conflict.by && conflict.at && (
            <Text size="sm">
              {formatMessage(t.settingsChangedElsewhereBy, {
                who: conflict.by,
                // the clinic's clock (zone shown: the other manager may be elsewhere)
                when: clock ? `${clock.dateTime(conflict.at)} (${clock.timeZone})` : '',
              })}
            </Text>
          )}
          <Text size="sm">{t.settingsChangedElsewhereHint}</Text>
          <Group mt="xs">
            <Button variant="default" size="xs" onClick={() => void conflict.reload()}>
              {t.settingsShowTheirs}
            </Button>
            <Button color="orange" size="xs" onClick={() => void conflict.overwrite()}>
              {t.settingsSaveMineAnyway}
            </Button>
          </Group>
        </Alert>
      )}
      {error && !conflict && (
        <Alert color="red" role="alert" title={t.settingsNotSaved}>
          <Text size="sm">{error.message}</Text>
          {elsewhere.map((e, i) => (
            <Text size="sm" key={i}>
              {e.path?.replace(/^body\./, '')}: {e.message}
            </Text>
          ))}
        </Alert>
      )}
      <Group>
        <Button onClick={onSave} loading={saving} disabled={!dirty}>
          {label}
        </Button>
        <span role="status" aria-live="polite">
          {dirty && (
            <Badge color="orange" variant="light" data-testid="section-state">
              {t.settingsUnsaved}
            </Badge>
          )}
          {saved && (
            <Badge color="green" variant="light" data-testid="section-state">
              {t.settingsSaved}
            </Badge>
          )}
        </span>
      </Group>
    </>
  );
}

import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarOff, IconClockExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDirectory } from '../../api/directoryApi';
import { useMessages } from '../../i18n/useMessages';
import type { Messages } from '../../i18n/messages';
import { formatMessage } from '../flows/utils/formatMessage';
import { instantToClinicLocal } from '../send/utils/clinicDateTime';
import { settingsApi } from '../settings/api/settingsApi';
import type { ResourceAlertAnswer } from './api/resourceAlertsApi';
import { ResourceAlertDialog, type ResourceAlertKind } from './components/ResourceAlertDialog';

interface Opened {
  kind: ResourceAlertKind;
  resource: { id: string; name: string };
}

/** What an alert did, in the front desk's words. */
function outcomeOf(answer: ResourceAlertAnswer, t: Messages): { words: string; color: string } {
  if (answer.duplicate) return { words: t.alertAlready, color: 'blue' };
  if (answer.flows === 0) return { words: t.alertNoFlow, color: 'orange' };
  if (answer.appointments === null) return { words: t.alertLater, color: 'blue' };
  return { words: formatMessage(t.alertReached, { count: answer.appointments }), color: 'green' };
}

/**
 * `/practitioners` (F9): the clinic's practitioners, each with "running late" and "absent": staff tell every
 * affected patient at once, through the flows that start on those events.
 */
export default function PractitionersPage() {
  const t = useMessages();
  const resources = useDirectory('resources');
  const settings = useQuery({ queryKey: ['settings'], queryFn: settingsApi.get, staleTime: 60_000 });
  const [opened, setOpened] = useState<Opened | null>(null);
  const [done, setDone] = useState<{ opened: Opened; answer: ResourceAlertAnswer } | null>(null);
  const timeZone = settings.data?.timeZone;
  const today = timeZone ? instantToClinicLocal(new Date(), timeZone).slice(0, 10) : null;
  const items = resources.data?.items ?? [];
  const outcome = done ? outcomeOf(done.answer, t) : null;
  return (
    <Stack maw={820}>
      <Title order={2}>{t.practitionersTitle}</Title>
      <Text>{t.practitionersIntro}</Text>
      {done && outcome && (
        <Alert color={outcome.color} role="status" withCloseButton onClose={() => setDone(null)}>
          <Text fw={600}>
            {formatMessage(done.opened.kind === 'late' ? t.practitionerLateOf : t.practitionerAbsentOf, {
              name: done.opened.resource.name,
            })}
          </Text>
          <Text size="sm">{outcome.words}</Text>
        </Alert>
      )}
      {resources.error && (
        <Alert color="red" role="alert">
          {resources.error.message}
        </Alert>
      )}
      {resources.isLoading ? (
        <Loader aria-label={t.loading} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t.practitionersNone}</Text>
      ) : (
        <Table aria-label={t.practitionersList} verticalSpacing="xs">
          <Table.Tbody>
            {items.map((resource) => (
              <Table.Tr key={resource.id}>
                <Table.Th scope="row" fw={500}>
                  {resource.name}
                </Table.Th>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    {(['late', 'absent'] as const).map((kind) => (
                      <Button
                        key={kind}
                        size="xs"
                        variant="light"
                        color={kind === 'late' ? 'orange' : 'red'}
                        leftSection={
                          kind === 'late' ? <IconClockExclamation size={14} /> : <IconCalendarOff size={14} />
                        }
                        aria-label={`${kind === 'late' ? t.practitionerLate : t.practitionerAbsent}: ${resource.name}`}
                        disabled={!today}
                        onClick={() => setOpened({ kind, resource })}
                      >
                        {kind === 'late' ? t.practitionerLate : t.practitionerAbsent}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {opened && today && (
        <ResourceAlertDialog
          kind={opened.kind}
          resource={opened.resource}
          today={today}
          onClose={() => setOpened(null)}
          onDone={(answer) => {
            setDone({ opened, answer });
            setOpened(null);
          }}
        />
      )}
    </Stack>
  );
}

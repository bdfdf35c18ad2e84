import { Code, CopyButton, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';

/**
 * How a FHIR R4 server or app connects (issue 19, docs/integrations.md): the base URL on this server, the
 * endpoints it posts to, and the API key it needs (made on the Practice software tab). Nothing to set here.
 */
export function FhirPanel() {
  const t = useMessages();
  const base = `${window.location.origin}/api/fhir`;
  const endpoints = [
    { request: 'POST /api/fhir/Appointment', body: t.fhirAppointment },
    { request: 'POST /api/fhir', body: t.fhirTransaction },
    { request: 'POST /api/fhir/subscription-notification', body: t.fhirSubscription },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={t.fhirTitle} data-testid="fhir-panel">
      <Stack>
        <Title order={3}>{t.fhirTitle}</Title>
        <Text size="sm">{t.fhirIntro}</Text>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t.fhirBaseUrl}
            value={base}
            readOnly
            w={420}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <CopyButton value={base}>
            {({ copied, copy }) => (
              <Button variant="default" aria-label={copied ? t.fhirCopied : t.fhirCopyBaseUrl} onClick={copy}>
                {copied ? t.fhirCopied : t.fhirCopy}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Table withTableBorder captionSide="top" data-testid="fhir-endpoints">
          <Table.Caption style={{ textAlign: 'left' }}>{t.fhirEndpoints}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.fhirRequest}</Table.Th>
              <Table.Th scope="col">{t.fhirBody}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoints.map(({ request, body }) => (
              <Table.Tr key={request}>
                <Table.Th scope="row">
                  <Code>{request}</Code>
                </Table.Th>
                <Table.Td>{body}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

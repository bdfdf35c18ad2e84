import type { WhatsappTemplate } from '@clinicflow/rules';
import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';

/** No approved template yet: an empty Content SID (the editor then saves none). */
const none: WhatsappTemplate = { contentSid: '', variables: [] };

/**
 * One language's approved WhatsApp template (Twilio's Content SID and the values of its {{1}}, {{2}}…): sent
 * instead of the text when the patient has not written in the last 24 hours, as WhatsApp then refuses free text.
 */
export function WhatsappTemplateFields({
  value = none,
  onChange,
  errorAt,
}: {
  value?: WhatsappTemplate;
  onChange: (value: WhatsappTemplate) => void;
  /** The API's refusal of a field of this template (`contentSid`, `variables`, `variables.0`), if any. */
  errorAt: (field: string) => string | undefined;
}) {
  const t = useMessages();
  const setVariable = (index: number, text: string) =>
    onChange({ ...value, variables: value.variables.map((old, i) => (i === index ? text : old)) });
  return (
    <Fieldset legend={t.templateWhatsapp} data-testid="whatsapp-template">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t.templateWhatsappHint}
        </Text>
        <TextInput
          label={t.templateContentSid}
          description={t.templateContentSidHint}
          placeholder="HX…"
          value={value.contentSid}
          onChange={(e) => onChange({ ...value, contentSid: e.currentTarget.value })}
          error={errorAt('contentSid')}
          maw={420}
        />
        <Text size="xs" c="dimmed">
          {t.templateWhatsappVariablesHint}
        </Text>
        {value.variables.map((variable, i) => {
          // WhatsApp numbers its placeholders from 1: the first value fills {{1}}
          const number = i + 1;
          return (
            <Group key={i} align="flex-end" gap="xs">
              <TextInput
                label={formatMessage(t.templateWhatsappVariable, { number })}
                value={variable}
                onChange={(e) => setVariable(i, e.currentTarget.value)}
                error={errorAt(`variables.${i}`)}
                style={{ flex: 1 }}
                maw={420}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={formatMessage(t.templateWhatsappRemoveVariable, { number })}
                onClick={() => onChange({ ...value, variables: value.variables.filter((_, j) => j !== i) })}
                mb={4}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          );
        })}
        {errorAt('variables') && (
          <Text size="sm" c="red">
            {errorAt('variables')}
          </Text>
        )}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange({ ...value, variables: [...value.variables, ''] })}
          >
            {t.templateWhatsappAddVariable}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';

/**
 * "Are you sure?" in place, for an action that cannot be undone (a secret replaced, a connection removed): the
 * question, the action's button in red, and Cancel.
 */
export function ConfirmAction({
  label,
  question,
  action,
  pending,
  onConfirm,
  onCancel,
}: {
  /** The dialog's accessible name (what is about to happen). */
  label?: string;
  question: string;
  action: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useMessages();
  return (
    <Alert color="orange" role="alertdialog" aria-label={label}>
      <Stack gap="xs">
        <Text size="sm">{question}</Text>
        <Group>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {action}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useMessages } from '../../../i18n/useMessages';

/** Asks before leaving the page (in the app or by closing the tab) while a section has unsaved changes. */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const t = useMessages();
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty ? currentLocation.pathname !== nextLocation.pathname : false,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t.settingsLeaveTitle}
    >
      <Text>{t.settingsLeaveText}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {t.settingsLeaveStay}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t.settingsLeaveGo}
        </Button>
      </Group>
    </Modal>
  );
}

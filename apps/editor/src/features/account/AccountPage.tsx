import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isRemembered, logOut, storeToken } from '../../api/session';
import { useMessages } from '../../i18n/useMessages';
import { accountApi } from './api/accountApi';
import { fieldErrors } from './utils/fieldErrors';
import { NewPasswordFields, passwordsDiffer } from './components/NewPasswordFields';

/**
 * `/account`: the signed-in user's own account. A new password (the current one required) ends every other
 * session and keeps this one; "sign out everywhere" ends them all, this one included.
 */
export default function AccountPage() {
  const t = useMessages();
  const navigate = useNavigate();
  // the new token re-renders the signed-in frame: the page says it is done through its address's state
  const changed = (useLocation().state as { passwordChanged?: boolean } | null)?.passwordChanged === true;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [again, setAgain] = useState('');
  const change = useMutation({
    mutationFn: () => accountApi.changePassword({ currentPassword, newPassword }),
    onSuccess: ({ accessToken }) => {
      storeToken(accessToken, isRemembered());
      void navigate('/account', { replace: true, state: { passwordChanged: true } });
    },
  });
  const everywhere = useMutation({ mutationFn: accountApi.signOutEverywhere, onSuccess: () => logOut() });
  const errors = fieldErrors(change.error);
  const mismatch = passwordsDiffer(newPassword, again);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) change.mutate();
  };
  return (
    <Stack maw={560}>
      <Title order={2}>{t.accountTitle}</Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="account-password">
        <Stack>
          <Title order={3} size="h4" id="account-password">
            {t.accountPasswordTitle}
          </Title>
          {(change.isSuccess || changed) && (
            <Alert color="green" role="status">
              {t.accountPasswordChanged}
            </Alert>
          )}
          {change.error && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          )}
          <PasswordInput
            label={t.accountCurrentPassword}
            required
            autoComplete="current-password"
            value={currentPassword}
            error={errors.currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          />
          <NewPasswordFields
            label={t.accountNewPassword}
            password={newPassword}
            again={again}
            error={errors.newPassword}
            onPassword={setNewPassword}
            onAgain={setAgain}
          />
          <Group>
            <Button type="submit" loading={change.isPending} disabled={mismatch}>
              {t.accountChangePassword}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack align="flex-start">
          <Title order={3} size="h4">
            {t.accountSessionsTitle}
          </Title>
          <Text size="sm">{t.accountSessionsIntro}</Text>
          <Button
            color="red"
            variant="light"
            loading={everywhere.isPending}
            onClick={() => everywhere.mutate()}
          >
            {t.accountSignOutEverywhere}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

import {
  Alert,
  Button,
  Center,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiFetch, ApiError } from '../../api/apiClient';
import { sessionExpired, storeToken } from '../../api/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useMessages } from '../../i18n/useMessages';
import { useToken } from './useSession';

/** `/login`: e-mail and password; back to the page the user came from once signed in. */
export default function LoginPage() {
  const t = useMessages();
  const token = useToken();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const login = useMutation({
    mutationFn: () =>
      apiFetch<{ accessToken: string }>('/auth/login', { method: 'POST', body: { email, password } }),
    onSuccess: ({ accessToken }) => storeToken(accessToken, remember),
  });
  if (token) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const failure =
    login.error instanceof ApiError && (login.error.status === 401 || login.error.status === 400)
      ? t.loginWrong
      : login.error
        ? t.loginUnavailable
        : null;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Group justify="space-between" wrap="nowrap">
            <Title order={2}>{t.loginTitle}</Title>
            <LanguageSwitch />
          </Group>
          {sessionExpired() && !failure && (
            <Alert color="yellow" role="status">
              {t.sessionExpired}
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t.loginEmail}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t.loginPassword}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Checkbox
            label={t.loginRemember}
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
          />
          <Button type="submit" loading={login.isPending}>
            {t.loginSubmit}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

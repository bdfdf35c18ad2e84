import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useLocation } from 'react-router';
import { apiFetch, ApiError } from '../../api/apiClient';
import { sessionExpired, storeToken } from '../../api/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useMessages } from '../../i18n/useMessages';
import { SetupRedirect } from '../setup/SetupRedirect';
import { clinicsOffered } from './clinicChoice';
import { useToken } from './useSession';

/** `/login`: e-mail and password; back to the page the user came from once signed in. */
export default function LoginPage() {
  const t = useMessages();
  const token = useToken();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  // an e-mail with accounts in several clinics: the API offers them, the user picks one (docs/accounts.md)
  const [clinicId, setClinicId] = useState<string | null>(null);
  const [clinics, setClinics] = useState<{ id: string; name: string }[] | null>(null);
  const login = useMutation({
    mutationFn: () =>
      apiFetch<{ accessToken: string }>('/auth/login', {
        method: 'POST',
        body: { email, password, ...(clinicId ? { clinicId } : {}) },
      }),
    onSuccess: ({ accessToken }) => storeToken(accessToken, remember),
    onError: (error) => {
      const offered = clinicsOffered(error);
      if (offered) setClinics(offered);
    },
  });
  if (token) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const status = login.error instanceof ApiError ? login.error.status : null;
  const failure =
    status === 401 || status === 400
      ? t.loginWrong
      : status === 429
        ? t.loginLocked
        : status === 403
          ? t.loginDisabled
          : status === 409 && clinics
            ? t.loginChooseClinic
            : login.error
              ? t.loginUnavailable
              : null;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <SetupRedirect />
          {/* the switch on a row of its own: beside the title, "Français" was cut at the card's edge */}
          <Group justify="flex-end">
            <LanguageSwitch />
          </Group>
          <Title order={2}>{t.loginTitle}</Title>
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
          {clinics && (
            <Select
              label={t.loginClinic}
              required
              data={clinics.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
              value={clinicId}
              onChange={setClinicId}
            />
          )}
          <Checkbox
            label={t.loginRemember}
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
          />
          <Button type="submit" loading={login.isPending}>
            {t.loginSubmit}
          </Button>
          <Anchor component={RouterLink} to="/forgot-password" size="sm">
            {t.loginForgot}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}

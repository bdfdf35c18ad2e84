import {
  Alert,
  Anchor,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Setup } from '@clinicflow/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ApiError } from '../../api/apiClient';
import { storeToken } from '../../api/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { languageLabel } from '../../i18n/languageWords';
import { useLanguage, useMessages } from '../../i18n/useMessages';
import { fieldErrors } from '../account/utils/fieldErrors';
import { setupApi } from './api/setupApi';
import { browserCountry, countryOptions } from './utils/countryOptions';
import { browserTimeZone, timeZoneOptions } from './utils/timeZoneOptions';

/** The languages a clinic's messages can be written in (the rules library's starters have these). */
const MESSAGE_LANGUAGES = ['fr', 'en', 'es', 'it', 'de', 'nb'];

/**
 * `/setup`: the first run of an empty installation (issue 16). The clinic (name, time zone from a searchable
 * list with the browser's preselected, language, country) and its first manager; the manager is signed in and
 * lands on the flows. Once a clinic exists the page only says so.
 */
export default function SetupPage() {
  const t = useMessages();
  const language = useLanguage();
  const navigate = useNavigate();
  const state = useQuery({ queryKey: ['setup'], queryFn: setupApi.state });
  const zones = useMemo(() => timeZoneOptions(), []);
  const countries = useMemo(() => countryOptions(language), [language]);
  const [clinic, setClinic] = useState<Setup['clinic']>(() => ({
    name: '',
    timeZone: browserTimeZone(),
    defaultLanguage: MESSAGE_LANGUAGES.includes(language) ? language : 'en',
    country: browserCountry(typeof navigator === 'undefined' ? [] : navigator.languages) ?? 'FR',
  }));
  const [manager, setManager] = useState({ name: '', email: '', password: '' });
  const setUp = useMutation({
    mutationFn: () => setupApi.setUp({ clinic, manager }),
    onSuccess: ({ accessToken }) => {
      storeToken(accessToken, false);
      void navigate('/flows', { replace: true });
    },
  });
  const errors = fieldErrors(setUp.error);

  if (state.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t.loading} />
      </Center>
    );
  }
  const alreadySetUp =
    (state.data && !state.data.needed && !setUp.isPending) ||
    (setUp.error instanceof ApiError && setUp.error.status === 409);
  if (alreadySetUp) {
    return (
      <Center mih="100vh" p="md">
        <Paper withBorder p="xl" w={460}>
          <Stack>
            <Title order={2}>{t.setupAlready}</Title>
            <Text>{t.setupAlreadyHint}</Text>
            <Anchor component={RouterLink} to="/login">
              {t.setupGoToLogin}
            </Anchor>
          </Stack>
        </Paper>
      </Center>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUp.mutate();
  };
  const unexpected = setUp.error && Object.keys(errors).length === 0 ? setUp.error.message : null;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={520} component="form" onSubmit={submit} aria-labelledby="setup-title">
        <Stack>
          <Stack gap={4}>
            <LanguageSwitch />
            <Title order={2} id="setup-title">
              {t.setupTitle}
            </Title>
            <Text size="sm" c="dimmed">
              {t.setupIntro}
            </Text>
          </Stack>
          {unexpected && (
            <Alert color="red" role="alert">
              {unexpected}
            </Alert>
          )}
          <Title order={3} size="h4">
            {t.setupClinic}
          </Title>
          <TextInput
            label={t.setupClinicName}
            required
            value={clinic.name}
            error={errors['clinic.name']}
            onChange={(e) => setClinic({ ...clinic, name: e.currentTarget.value })}
          />
          <Select
            label={t.setupTimeZone}
            placeholder={t.setupTimeZoneSearch}
            searchable
            required
            data={zones}
            value={clinic.timeZone}
            error={errors['clinic.timeZone']}
            onChange={(value) => value && setClinic({ ...clinic, timeZone: value })}
            limit={50}
          />
          <Select
            label={t.setupLanguage}
            required
            data={MESSAGE_LANGUAGES.map((code) => ({ value: code, label: languageLabel(t, code) }))}
            value={clinic.defaultLanguage}
            error={errors['clinic.defaultLanguage']}
            onChange={(value) => value && setClinic({ ...clinic, defaultLanguage: value })}
          />
          <Select
            label={t.setupCountry}
            searchable
            required
            data={countries}
            value={clinic.country}
            error={errors['clinic.country']}
            onChange={(value) => value && setClinic({ ...clinic, country: value })}
            limit={50}
          />
          <Title order={3} size="h4">
            {t.setupManager}
          </Title>
          <TextInput
            label={t.setupManagerName}
            required
            autoComplete="name"
            value={manager.name}
            error={errors['manager.name']}
            onChange={(e) => setManager({ ...manager, name: e.currentTarget.value })}
          />
          <TextInput
            label={t.setupEmail}
            type="email"
            required
            autoComplete="username"
            value={manager.email}
            error={errors['manager.email']}
            onChange={(e) => setManager({ ...manager, email: e.currentTarget.value })}
          />
          <PasswordInput
            label={t.setupPassword}
            description={t.setupPasswordHint}
            required
            minLength={12}
            autoComplete="new-password"
            value={manager.password}
            error={errors['manager.password']}
            onChange={(e) => setManager({ ...manager, password: e.currentTarget.value })}
          />
          <Button type="submit" loading={setUp.isPending}>
            {t.setupSubmit}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

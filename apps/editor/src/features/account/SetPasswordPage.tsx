import { Alert, Anchor, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/apiClient';
import { storeToken } from '../../api/session';
import type { Messages } from '../../i18n/messages';
import { useMessages } from '../../i18n/useMessages';
import { formatMessage } from '../flows/utils/formatMessage';
import { accountApi } from './api/accountApi';
import { fieldErrors } from './utils/fieldErrors';
import { NewPasswordFields, passwordsDiffer } from './components/NewPasswordFields';

/** Why a link cannot be used, in the user's words: by the API's status (404, 409, 410, 403). */
function linkProblem(t: Messages, error: unknown): { title: string; text: string } | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.status) {
    case 410:
      return { title: t.linkExpiredTitle, text: t.linkExpired };
    case 409:
      return { title: t.linkUsedTitle, text: t.linkUsed };
    case 403:
      return { title: t.linkDisabledTitle, text: t.linkDisabled };
    case 404:
    case 400:
      return { title: t.linkInvalidTitle, text: t.linkInvalid };
    default:
      return null;
  }
}

/**
 * `/set-password#<token>`: the page of an invitation or a reset link. The token is in the address's fragment, so
 * it never reaches a server's log; the page says at once when the link is expired, used or unknown, and otherwise
 * takes the new password (twice) and signs the user in.
 */
export default function SetPasswordPage() {
  const t = useMessages();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const link = useQuery({
    queryKey: ['set-password-link', token],
    queryFn: () => accountApi.checkLink(token),
    retry: false,
    enabled: token.length > 0,
  });
  const save = useMutation({
    mutationFn: () => accountApi.setPassword(token, password),
    onSuccess: ({ accessToken }) => {
      storeToken(accessToken, false);
      void navigate('/', { replace: true });
    },
  });
  const problem = token
    ? linkProblem(t, save.error ?? link.error)
    : { title: t.linkInvalidTitle, text: t.linkInvalid };
  const mismatch = passwordsDiffer(password, again);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) save.mutate();
  };

  let content;
  if (problem && !(save.error instanceof ApiError && save.error.status === 400)) {
    content = (
      <Stack>
        <Title order={2}>{problem.title}</Title>
        <Alert color="red" role="alert">
          {problem.text}
        </Alert>
        <Anchor component={RouterLink} to="/forgot-password">
          {t.linkAskNew}
        </Anchor>
        <Anchor component={RouterLink} to="/login" size="sm">
          {t.backToLogin}
        </Anchor>
      </Stack>
    );
  } else if (link.isPending) {
    content = (
      <Center>
        <Loader aria-label={t.setPasswordChecking} />
      </Center>
    );
  } else if (link.data) {
    const title =
      link.data.purpose === 'invitation'
        ? formatMessage(t.setPasswordTitleInvitation, { clinic: link.data.clinicName })
        : t.setPasswordTitleReset;
    content = (
      <Stack component="form" onSubmit={submit}>
        <Title order={2}>{title}</Title>
        <Text size="sm">{formatMessage(t.setPasswordFor, { email: link.data.email })}</Text>
        <NewPasswordFields
          label={t.setPasswordNew}
          password={password}
          again={again}
          error={fieldErrors(save.error).password}
          onPassword={setPassword}
          onAgain={setAgain}
        />
        <Button type="submit" loading={save.isPending} disabled={mismatch}>
          {t.setPasswordSubmit}
        </Button>
      </Stack>
    );
  } else {
    content = (
      <Alert color="red" role="alert">
        {t.loginUnavailable}
      </Alert>
    );
  }
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={440}>
        {content}
      </Paper>
    </Center>
  );
}

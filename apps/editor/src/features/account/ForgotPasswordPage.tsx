import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { ApiError } from '../../api/apiClient';
import { useMessages } from '../../i18n/useMessages';
import { accountApi } from './api/accountApi';

/**
 * `/forgot-password`: asks for a link to choose a new password. The answer says the same whether the address has
 * an account or not (the API's too), so the page never tells who has one.
 */
export default function ForgotPasswordPage() {
  const t = useMessages();
  const [email, setEmail] = useState('');
  const ask = useMutation({ mutationFn: () => accountApi.forgotPassword(email) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  const tooMany = ask.error instanceof ApiError && ask.error.status === 429;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={2}>{t.forgotTitle}</Title>
          {ask.isSuccess ? (
            <Alert color="green" role="status">
              {t.forgotSent}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t.forgotIntro}</Text>
              {ask.error && (
                <Alert color="red" role="alert">
                  {tooMany ? t.forgotTooMany : t.loginUnavailable}
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
              <Button type="submit" loading={ask.isPending}>
                {t.forgotSubmit}
              </Button>
            </>
          )}
          <Anchor component={RouterLink} to="/login" size="sm">
            {t.backToLogin}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}

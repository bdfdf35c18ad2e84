import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Language } from '../i18n/messages';
import { cssVariablesResolver, theme } from './theme';

// The only strings outside i18n/en and i18n/fr: they are shown before (or instead of) those chunks.
const words: Record<Language, { loading: string; failed: string; explain: string; reload: string }> = {
  en: {
    loading: 'Loading clinicflow',
    failed: 'clinicflow could not start',
    explain:
      'The texts of the interface did not download ({reason}). Check the connection, then reload the page.',
    reload: 'Reload the page',
  },
  fr: {
    loading: 'Chargement de clinicflow',
    failed: 'clinicflow n’a pas pu démarrer',
    explain:
      'Les textes de l’interface ne se sont pas téléchargés ({reason}). Vérifiez la connexion, puis rechargez la page.',
    reload: 'Recharger la page',
  },
};

// A loader that appears at once would flash on every start, since the strings usually arrive within a blink.
const loaderDelayMs = 300;

interface StartupScreenProps {
  language: Language;
  /** Why the interface's strings could not be downloaded; without it, they are on their way. */
  error?: unknown;
}

/** What the page shows until the interface's strings have arrived, or why they did not. */
export function StartupScreen({ language, error }: StartupScreenProps) {
  const [showLoader, setShowLoader] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShowLoader(true), loaderDelayMs);
    return () => clearTimeout(timer);
  }, []);
  const w = words[language];
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Center mih="100vh" p="md">
        {error === undefined ? (
          showLoader && <Loader aria-label={w.loading} />
        ) : (
          <Alert color="red" title={w.failed} role="alert" maw={560}>
            <Stack align="flex-start">
              <Text size="sm">
                {w.explain.replace('{reason}', error instanceof Error ? error.message : String(error))}
              </Text>
              <Button onClick={() => window.location.reload()}>{w.reload}</Button>
            </Stack>
          </Alert>
        )}
      </Center>
    </MantineProvider>
  );
}

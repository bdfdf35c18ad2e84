import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatMessage } from '../features/flows/utils/formatMessage';
import type { Language } from '../i18n/messages';
import { chooseLanguage, useLanguage, useMessages } from '../i18n/useMessages';

// Each language is named in itself, so a user lost in the other one still finds theirs.
const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

/**
 * Switches the interface between English and French on this computer. The other language's strings are
 * downloaded first (the control shows the pick meanwhile); if they cannot be, the interface stays as it was
 * and says why.
 */
export function LanguageSwitch() {
  const t = useMessages();
  const language = useLanguage();
  const [pending, setPending] = useState<Language | null>(null);
  const switchTo = (next: Language) => {
    setPending(next);
    chooseLanguage(next).then(
      () => setPending(null),
      (error: unknown) => {
        setPending(null);
        notifications.show({
          color: 'red',
          message: formatMessage(t.languageSwitchFailed, {
            language: { en: t.languageEn, fr: t.languageFr }[next],
            reason: error instanceof Error ? error.message : String(error),
          }),
        });
      },
    );
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.interfaceLanguage}
      value={pending ?? language}
      onChange={(value) => switchTo(value as Language)}
      data={(Object.keys(languageNames) as Language[]).map((value) => ({
        value,
        label: languageNames[value],
      }))}
    />
  );
}

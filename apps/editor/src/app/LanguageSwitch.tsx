import { SegmentedControl } from '@mantine/core';
import type { Language } from '../i18n/messages';
import { chooseLanguage, useLanguage, useMessages } from '../i18n/useMessages';

// Each language is named in itself, so a user lost in the other one still finds theirs.
const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

/** Switches the interface between English and French on this computer. */
export function LanguageSwitch() {
  const t = useMessages();
  const language = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.interfaceLanguage}
      value={language}
      onChange={(value) => chooseLanguage(value as Language)}
      data={(Object.keys(languageNames) as Language[]).map((value) => ({
        value,
        label: languageNames[value],
      }))}
    />
  );
}

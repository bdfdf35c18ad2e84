import {
  normaliseReply,
  readReply,
  replyWords,
  replyWordsIn,
  wordsOf,
  isReplyLanguage,
  type Channel,
  type ReplyKeywords as Keywords,
} from '@clinicflow/rules';
import { Button, Group, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Messages } from '../../../i18n/messages';
import { languageLabel } from '../../../i18n/languageWords';
import { useMessages } from '../../../i18n/useMessages';
import { settingsApi } from '../../settings/api/settingsApi';
import { formatMessage } from '../utils/formatMessage';
import { exitWords } from '../utils/stepWords';

const branches = [
  { intent: 'confirm', exit: 'confirmed' },
  { intent: 'decline', exit: 'declined' },
] as const;
const stopWords = wordsOf('stop');
/** What a tried reply does, in words: the branch it takes, an unsubscription, or nothing understood. */
function tried(t: Messages, meaning: ReturnType<typeof readReply>): string {
  if (meaning === 'confirmed' || meaning === 'declined')
    return formatMessage(t.replyTryBranch, { branch: exitWords(t, meaning) });
  return meaning === 'stop' ? t.replyTryStop : t.replyTryUnknown;
}

/** Words as the reader compares them (upper case, no accents), once each, without the fixed STOP words. */
const cleaned = (words: string[]) => [
  ...new Set(words.map((word) => normaliseReply(word)).filter((word) => word && !stopWords.includes(word))),
];

/**
 * The replies a question understands, per branch: the catalogue's words in the clinic's languages (the
 * clinic's own, then those the question is written in), or the step's own words, editable. STOP is fixed.
 * The reader of the engine (`readReply`) answers "try a reply", so what is shown is what the engine does.
 */
export function ReplyKeywords({
  keywords,
  languages,
  channel,
  onChange,
}: {
  keywords: Keywords | undefined;
  /** The languages the question is written in. */
  languages: readonly string[];
  channel: Channel;
  onChange: (keywords: Keywords | undefined) => void;
}) {
  const t = useMessages();
  const clinicLanguage = useQuery({ queryKey: ['settings'], queryFn: settingsApi.get }).data?.defaultLanguage;
  const shown = [...new Set([clinicLanguage ?? 'fr', ...languages])].filter(isReplyLanguage);
  const [trial, setTrial] = useState('');
  const own = keywords?.confirm !== undefined || keywords?.decline !== undefined;
  const start = () =>
    onChange({ confirm: replyWordsIn('confirm', shown), decline: replyWordsIn('decline', shown) });
  const meaning = trial.trim() ? readReply(trial, keywords, channel) : null;
  return (
    <Stack gap="xs" component="section" aria-label={t.replyWordsTitle}>
      <Title order={5}>{t.replyWordsTitle}</Title>
      {branches.map(({ intent, exit }) => {
        const branch = exitWords(t, exit);
        const words = keywords?.[intent];
        if (own)
          return (
            <Stack gap={2} key={intent}>
              <TagsInput
                label={formatMessage(t.replyWordsBranch, { branch })}
                description={t.replyWordsOwnHint}
                value={words ?? replyWordsIn(intent, shown)}
                onChange={(next) => onChange({ ...keywords, [intent]: cleaned(next) })}
                data-testid={`reply-words-${intent}`}
              />
              {words?.length === 0 && (
                <Text size="xs" c="red">
                  {formatMessage(t.replyWordsNone, { branch })}
                </Text>
              )}
            </Stack>
          );
        return (
          <div key={intent} data-testid={`reply-words-${intent}`}>
            <Text size="sm" fw={600}>
              {formatMessage(t.replyWordsBranch, { branch })}
            </Text>
            {shown.map((language) => (
              <Text size="sm" key={language}>
                {formatMessage(t.replyWordsLanguage, {
                  language: languageLabel(t, language),
                  words: replyWords[language][intent].join(', '),
                })}
              </Text>
            ))}
          </div>
        );
      })}
      <Text size="xs" c="dimmed">
        {own ? t.replyWordsOwnOnly : t.replyWordsOtherLanguages}
      </Text>
      <Text size="sm" data-testid="reply-words-stop">
        {formatMessage(t.replyWordsStop, { words: stopWords.join(', ') })}
      </Text>
      <Group>
        {own ? (
          <Button size="xs" variant="default" onClick={() => onChange(undefined)}>
            {t.replyWordsUseDefaults}
          </Button>
        ) : (
          <Button size="xs" variant="light" onClick={start}>
            {t.replyWordsUseOwn}
          </Button>
        )}
      </Group>
      <TextInput
        label={t.replyTry}
        placeholder={t.replyTryPlaceholder}
        value={trial}
        onChange={(e) => setTrial(e.currentTarget.value)}
      />
      <Text size="sm" role="status" data-testid="reply-try-meaning">
        {meaning ? tried(t, meaning) : ''}
      </Text>
    </Stack>
  );
}

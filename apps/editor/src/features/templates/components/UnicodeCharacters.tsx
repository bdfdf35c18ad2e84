import { measureSms, toGsmEquivalents, unicodeCharacters } from '@clinicflow/channels/browser';
import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { formatMessage } from '../../flows/utils/formatMessage';

/**
 * The characters of an SMS that force Unicode (70 characters per SMS instead of 160), and a one-click
 * "replace with GSM equivalents" on the text as written (`body`), with what it saves on the rendered text.
 * Nothing when the SMS is plain GSM-7.
 */
export function UnicodeCharacters({
  body,
  rendered,
  onReplace,
}: {
  /** The text as written, with its `{{variables}}`: what the button changes. */
  body: string;
  /** The text for the sample patient, when the preview has it: what the counts are of. */
  rendered?: string | null;
  onReplace: (body: string) => void;
}) {
  const t = useMessages();
  const shown = rendered ?? body;
  const forcing = unicodeCharacters(shown);
  if (forcing.length === 0) return null;
  const replacement = toGsmEquivalents(body);
  const after = measureSms(toGsmEquivalents(shown).text);
  const before = measureSms(shown);
  return (
    <Alert color="orange" p="xs" title={t.smsUnicodeTitle} data-testid="unicode-characters">
      <Group gap={6} mb={4} aria-label={t.smsUnicodeTitle}>
        {forcing.map((character) => (
          <Code key={character} fz="sm" aria-label={formatMessage(t.smsUnicodeCharacter, { character })}>
            {character === '\u00a0' || character === '\u202f' ? '⍽' : character}
          </Code>
        ))}
      </Group>
      {replacement.replaced > 0 && (
        <Group gap="sm">
          <Button size="xs" variant="light" color="orange" onClick={() => onReplace(replacement.text)}>
            {t.smsReplaceWithGsm}
          </Button>
          {after.segments < before.segments && (
            <Text size="xs">
              {formatMessage(t.smsReplaceSaves, { from: before.segments, to: after.segments })}
            </Text>
          )}
        </Group>
      )}
      {replacement.remaining.length > 0 && (
        <Text size="xs" mt={4}>
          {formatMessage(t.smsUnicodeRemaining, { characters: replacement.remaining.join(' ') })}
        </Text>
      )}
    </Alert>
  );
}

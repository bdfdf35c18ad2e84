import { unicodeCharacters } from '@clinicflow/channels/browser';
import { Text } from '@mantine/core';
import { Fragment } from 'react';
import { useMessages } from '../../../i18n/useMessages';

/**
 * The rendered text of a message; for an SMS, each character that forces Unicode is marked (and named for
 * screen readers), so the manager sees which "ô" made the message longer.
 */
export function PreviewText({ text, sms }: { text: string; sms: boolean }) {
  const t = useMessages();
  const forcing = new Set(sms ? unicodeCharacters(text) : []);
  return (
    <Text data-testid="template-preview" style={{ whiteSpace: 'pre-wrap' }}>
      {forcing.size === 0
        ? text
        : [...text].map((character, i) =>
            forcing.has(character) ? (
              <mark
                key={i}
                title={t.smsForcesUnicode}
                data-testid="unicode-character"
                style={{ background: 'var(--mantine-color-orange-2)', color: 'inherit', borderRadius: 2 }}
              >
                {character}
              </mark>
            ) : (
              <Fragment key={i}>{character}</Fragment>
            ),
          )}
    </Text>
  );
}

import { REASON_CODES } from '@clinicflow/rules';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { languages, loadMessages } from './messages';
import { reasonKey } from './reasonWords';

/** The `{name}` placeholders of a message, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Every language of the interface words every message of the English catalogue, with the same placeholders,
 * and nothing else: a key missing in one language fails here, not in front of a user. A language added to
 * `languages` (es, nb, it, de…) is checked the same way.
 */
describe('the message catalogues', () => {
  let english: Record<string, string>;

  beforeAll(async () => {
    english = (await loadMessages('en')) as Record<string, string>;
  });

  it.each(languages.filter((language) => language !== 'en'))(
    'should word every key in %s',
    async (language) => {
      const messages = (await loadMessages(language)) as Record<string, string>;
      const missing = Object.keys(english).filter((key) => !(key in messages));
      const extra = Object.keys(messages).filter((key) => !(key in english));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    },
  );

  it.each(languages)(
    'should give every message of %s text and the English placeholders',
    async (language) => {
      const messages = (await loadMessages(language)) as Record<string, string>;
      const wrong = Object.entries(english)
        .filter(
          ([key, text]) =>
            key in messages && placeholders(messages[key]).join() !== placeholders(text).join(),
        )
        .map(([key]) => key);
      const empty = Object.entries(messages)
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([key]) => key);
      expect({ wrong, empty }).toEqual({ wrong: [], empty: [] });
    },
  );

  it.each(languages)('should define each key of %s in one message file only', async (language) => {
    // the files are merged: a key in two of them would silently take the later one's words
    const folder = path.join(__dirname, language);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of readdirSync(folder).filter((name) => /Messages\.ts$/.test(name))) {
      const module = (await import(path.join(folder, file))) as Record<string, Record<string, string>>;
      for (const key of Object.keys(Object.values(module)[0])) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${file})`);
        else seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it.each(languages)('should word every reason the engine gives in %s', async (language) => {
    const messages = (await loadMessages(language)) as Record<string, string>;
    expect(REASON_CODES.map(reasonKey).filter((key) => !(key in messages))).toEqual([]);
  });
});

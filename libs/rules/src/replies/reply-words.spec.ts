import { readReply } from './read-reply';
import { REPLY_LANGUAGES, replyWordsIn, wordsOf, type ReplyIntent } from './reply-words';

const MEANING: Record<ReplyIntent, string> = { confirm: 'confirmed', decline: 'declined', stop: 'stop' };

describe(replyWordsIn.name, () => {
  it('should give the words of the languages asked, in order, once each', () => {
    expect(replyWordsIn('confirm', ['fr', 'en'])).toEqual([
      'C',
      'OUI',
      'OK',
      'CONFIRMER',
      'CONFIRME',
      'YES',
      'Y',
      'CONFIRM',
    ]);
  });

  it('should skip a language the catalogue does not have', () => {
    expect(replyWordsIn('decline', ['pt', 'nb'])).toEqual(['N', 'NEI', 'AVBESTILL']);
  });

  it('should give every word of an intent for every language', () => {
    for (const intent of ['confirm', 'decline', 'stop'] as const)
      expect(new Set(replyWordsIn(intent, REPLY_LANGUAGES))).toEqual(new Set(wordsOf(intent)));
  });

  // The editor shows these words as what the question accepts: the engine's reader must agree, with the
  // defaults and with a step whose own words start from them.
  it.each(REPLY_LANGUAGES.flatMap((language) => (['confirm', 'decline'] as const).map((i) => [language, i])))(
    'should list %s words for %s that the reader reads so',
    (language, intent) => {
      const words = replyWordsIn(intent as ReplyIntent, [language]);
      const own = { [intent as string]: words };
      for (const word of words) {
        expect(readReply(word)).toBe(MEANING[intent as ReplyIntent]);
        expect(readReply(word.toLowerCase(), own)).toBe(MEANING[intent as ReplyIntent]);
      }
    },
  );
});

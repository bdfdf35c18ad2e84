import { normaliseReply, readReply } from './read-reply';
import { REPLY_LANGUAGES, replyWords, type ReplyIntent } from './reply-words';

const MEANING: Record<ReplyIntent, string> = { confirm: 'confirmed', decline: 'declined', stop: 'stop' };

describe(readReply.name, () => {
  it.each([
    ['C', 'confirmed'],
    [' c ', 'confirmed'],
    [' oui !', 'confirmed'],
    ['Sí', 'confirmed'],
    ['Sí, gracias', 'confirmed'],
    ['ja takk', 'confirmed'],
    ['N', 'declined'],
    ['Non merci', 'declined'],
    ['NEI', 'declined'],
    ['Arrêt', 'stop'],
    ['Stopp', 'stop'],
    ['Baja', 'stop'],
    ['END', 'stop'],
    ['unsubscribe', 'stop'],
    ['what?', 'unknown'],
    ['Bonjour, je serai en retard', 'unknown'],
    ['', 'unknown'],
    ['👍', 'unknown'],
  ])('should read %p as %s', (text, meaning) => {
    expect(readReply(text)).toBe(meaning);
  });

  const everyWord = REPLY_LANGUAGES.flatMap((language) =>
    (Object.keys(replyWords[language]) as ReplyIntent[]).flatMap((intent) =>
      replyWords[language][intent].map((word) => ({ language, intent, word })),
    ),
  );
  it.each(everyWord)('should read $language "$word" (and in lower case) as $intent', ({ intent, word }) => {
    expect([readReply(word), readReply(word.toLowerCase())]).toEqual([MEANING[intent], MEANING[intent]]);
  });

  it('should use the configured words instead of the defaults', () => {
    expect([readReply('VALE', { confirm: ['vale'] }), readReply('C', { confirm: ['vale'] })]).toEqual([
      'confirmed',
      'unknown',
    ]);
  });

  it('should still read STOP when the step has words of its own', () => {
    expect(readReply('stop', { confirm: ['1'], decline: ['2'] })).toBe('stop');
  });

  it.each([
    ['1', 'confirmed'],
    ['2', 'declined'],
    [' 2 ', 'declined'],
    ['3', 'unknown'],
    ['#', 'unknown'],
  ])('should read the key %p pressed on a call as %s, whatever the step’s words', (key, meaning) => {
    expect(readReply(key, { confirm: ['OUI'], decline: ['NON'] }, 'voice')).toBe(meaning);
  });

  it('should leave digits to the step’s words on SMS', () => {
    expect([readReply('1'), readReply('1', { confirm: ['1'] }, 'sms')]).toEqual(['unknown', 'confirmed']);
  });
});

describe(normaliseReply.name, () => {
  it('should take accents, case and punctuation off', () => {
    expect(normaliseReply('  Arrêt, s’il vous plaît ')).toBe('ARRET S IL VOUS PLAIT');
  });
});

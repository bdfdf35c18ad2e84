import { normaliseReply, readReplyKeyword } from './reply-keyword';

describe('readReplyKeyword', () => {
  it.each([
    ['C', 'confirm'],
    [' c ', 'confirm'],
    ['Oui !', 'confirm'],
    ['Sí, gracias', 'confirm'],
    ['ja takk', 'confirm'],
    ['N', 'cancel'],
    ['Non merci', 'cancel'],
    ['nei', 'cancel'],
    ['STOP', 'stop'],
    ['Stopp', 'stop'],
    ['arrêt', 'stop'],
    ['Baja', 'stop'],
    ['Bonjour, je serai en retard', null],
    ['', null],
    ['👍', null],
  ])('reads "%s" as %s', (text, intent) => {
    expect(readReplyKeyword(text)).toBe(intent);
  });

  it("uses the clinic's own keywords first", () => {
    const keywords = { confirm: '1', cancel: '2', stop: 'FIN' };
    expect(readReplyKeyword('1', keywords)).toBe('confirm');
    expect(readReplyKeyword('2', keywords)).toBe('cancel');
    expect(readReplyKeyword('fin', keywords)).toBe('stop');
  });

  it('normalises accents, case and punctuation', () => {
    expect(normaliseReply('  Arrêt, s’il vous plaît ')).toBe('ARRET S IL VOUS PLAIT');
  });
});

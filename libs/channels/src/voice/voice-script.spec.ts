import { completeMessageContext } from '../templates/message-context';
import { composeVoiceScript, escapeForSpeech, speechLanguage } from './voice-script';

describe('composeVoiceScript', () => {
  it('speaks in the patient language with SSML-safe text', () => {
    const context = completeMessageContext({ patient: { firstName: 'Léa & <Jo>' } });
    const sut = composeVoiceScript(
      'Bonjour {{patient.firstName}}. Votre rendez-vous est {{appointment.longDate}} à {{appointment.startTime}}.\n Appuyez sur 1.',
      context,
      { language: 'fr' },
    );
    expect(sut).toEqual({
      ok: true,
      script: {
        text: 'Bonjour Léa & <Jo>. Votre rendez-vous est jeudi 3 décembre à 09:30. Appuyez sur 1.',
        ssml:
          '<speak xml:lang="fr-FR"><s>Bonjour Léa &amp; &lt;Jo&gt;.</s><break time="300ms"/><s>Votre rendez-vous est jeudi 3 décembre à 09:30.</s>' +
          '<break time="300ms"/><s>Appuyez sur 1.</s></speak>',
        speechLanguage: 'fr-FR',
      },
    });
  });

  it('reports template problems', () => {
    expect(composeVoiceScript('{{x}}', completeMessageContext(), { language: 'nb' }).ok).toBe(false);
  });

  it.each([
    ['fr', 'fr-FR'],
    ['es', 'es-ES'],
    ['nb', 'nb-NO'],
    ['it', 'it-IT'],
    ['de', 'de-DE'],
    ['en', 'en-GB'],
  ] as const)('speaks %s as %s', (language, tag) => {
    expect(speechLanguage(language)).toBe(tag);
  });

  it('escapes XML and drops control characters', () => {
    expect(escapeForSpeech(`a\u0007"b'`)).toBe('a&quot;b&apos;');
  });
});

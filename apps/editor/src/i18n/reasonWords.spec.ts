import { reasonOf } from '@clinicflow/rules';
import { clinicClock } from '../clock/clinicClock';
import { messages } from '../test/messages';
import { reasonKey, reasonWords } from './reasonWords';

const clock = (language: string) => clinicClock({ timeZone: 'Europe/Paris', country: 'FR', language });
const say = (language: 'en' | 'fr', code: Parameters<typeof reasonOf>[0], params = {}) =>
  reasonWords(messages[language], reasonOf(code, params), clock(language), language);

describe(reasonWords.name, () => {
  it.each([
    [
      'channel-off-service',
      { channel: 'sms', service: 'Hygiène' },
      'SMS is switched off for the service Hygiène',
      'SMS est désactivé pour la prestation Hygiène',
    ],
    [
      'not-preferred',
      { channel: 'sms', channels: 'email,voice' },
      'The patient prefers E-mail or Voice call',
      'Le patient préfère E-mail ou Appel vocal',
    ],
    [
      'consent-purpose-patient',
      { channel: 'sms', purpose: 'recall', covers: 'reminders,surveys' },
      'No consent for recalls (the patient’s SMS consent covers reminders and surveys)',
      'Pas de consentement pour les relances (le consentement SMS du patient couvre : rappels et enquêtes)',
    ],
    [
      'no-mobile',
      { who: 'referring-doctor' },
      'No mobile number for the referring doctor',
      'Aucun numéro de mobile pour le médecin adresseur',
    ],
    [
      'no-mobile',
      { who: 'resource', name: 'Dr Martin' },
      'No mobile number for Dr Martin',
      'Aucun numéro de mobile pour Dr Martin',
    ],
    [
      'lead-time',
      { hours: 3, minimum: 12 },
      'Booked 3 h before the appointment; reminders need at least 12 h',
      'Rendez-vous pris 3 h avant ; les rappels demandent au moins 12 h',
    ],
    [
      'quiet-no-room',
      { quiet: 'pause', time: '23:30', from: '21:00', to: '08:00', night: 1, deadline: 'appointment' },
      'Quiet hours: 23:30 is in the night pause 21:00–08:00, and no allowed time before the appointment',
      'Heures de fermeture : 23:30 tombe dans la pause de nuit 21:00–08:00, et aucun moment permis avant le rendez-vous',
    ],
    [
      'quiet-skip',
      { quiet: 'holiday', day: '2026-12-25' },
      'Quiet hours: 25/12/2026 is a holiday',
      'Heures de fermeture : le 25/12/2026 est férié',
    ],
    [
      'quiet-skip',
      { quiet: 'no-send-day', weekday: 6 },
      'Quiet hours: Saturday is a no-send day',
      'Heures de fermeture : le samedi est un jour sans envoi',
    ],
    [
      'expired',
      { expiresAt: '2026-04-12T18:15:00Z' },
      'It would go out at or after its expiry (12/04/2026, 20:15)',
      'Il partirait à ou après son expiration (12/04/2026 20:15)',
    ],
    [
      'earlier-step-skipped',
      { cause: 'wait-no-last-visit' },
      'Not sent because the wait before it was skipped: Cannot wait: the patient has no last visit',
      'Non envoyé car l’attente précédente a été sautée : Attente impossible : le patient n’a pas de dernière visite',
    ],
    [
      'unreliable',
      { rate: 38, threshold: 30 },
      'Unreliable: misses 38 % of appointments (threshold 30 %)',
      'Peu fiable : manque 38 % des rendez-vous (seuil 30 %)',
    ],
    [
      'status-not',
      { status: 'booked', statuses: 'confirmed,attended' },
      'The appointment is booked, not confirmed or attended',
      'Le rendez-vous est réservé, pas confirmé ou honoré',
    ],
    [
      'rung-not-reached',
      { channel: 'whatsapp', goal: 'read' },
      'Not read by WhatsApp in time: next channel',
      'Pas lu par WhatsApp à temps : canal suivant',
    ],
    [
      'rung-reached',
      { channel: 'sms', goal: 'delivered' },
      'Reached the patient by SMS (delivered)',
      'Patient joint par SMS (remis)',
    ],
    [
      'not-triggered',
      { event: 'appointment.cancelled' },
      'This flow does not start when an appointment is cancelled',
      'Ce scénario ne démarre pas quand un rendez-vous est annulé',
    ],
  ] as const)('should word %s %j in English and French', (code, params, english, french) => {
    expect(say('en', code, params)).toBe(english);
    expect(say('fr', code, params)).toBe(french);
  });

  it('should answer null for a code it does not know, so that the engine’s sentence is shown', () => {
    expect(reasonWords(messages.en, { code: 'from-the-future', params: {} }, null, 'en')).toBeNull();
    expect(reasonWords(messages.en, null, null, 'en')).toBeNull();
  });

  it('should name a code’s key in PascalCase', () => {
    expect(reasonKey('quiet-moved-earlier-deadline')).toBe('reasonQuietMovedEarlierDeadline');
  });
});

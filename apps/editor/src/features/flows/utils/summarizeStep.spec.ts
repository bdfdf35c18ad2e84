import { remindersFlow, type FlowNode } from '@clinicflow/rules';
import { messages } from '../../../test/messages';
import { summarizeStep } from './summarizeStep';

const at = { x: 0, y: 0 };
const sms = (label?: string): FlowNode => ({
  id: 's',
  type: 'send',
  position: at,
  data: {
    label,
    channel: 'sms',
    recipient: { type: 'patient' },
    template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}' } } },
  },
});
const wait = (data: Partial<Extract<FlowNode, { type: 'wait' }>['data']>): FlowNode => ({
  id: 'w',
  type: 'wait',
  position: at,
  data: { relativeTo: 'appointment-start', direction: 'before', amount: 24, unit: 'hours', ...data },
});

describe(summarizeStep.name, () => {
  it.each<[string, FlowNode, string, string]>([
    [
      'a wait before the appointment',
      wait({}),
      'Wait until 24 h before the appointment',
      'Attendre jusqu’à 24 h avant le rendez-vous',
    ],
    [
      'a wait at a time of day',
      wait({ amount: 1, unit: 'days', atLocalTime: '18:00' }),
      'Wait until 1 day before the appointment, at 18:00',
      'Attendre jusqu’à 1 jour avant le rendez-vous, à 18:00',
    ],
    [
      'a wait after the previous step',
      wait({ relativeTo: 'previous-step', direction: 'after', amount: 2, unit: 'days' }),
      'Wait 2 days',
      'Attendre 2 jours',
    ],
    [
      'a recall wait',
      wait({ relativeTo: 'last-visit', direction: 'after', amount: 6, unit: 'months' }),
      'Wait until 6 months after the last visit',
      'Attendre jusqu’à 6 mois après la dernière visite',
    ],
    ['an SMS with a label', sms('Rappel RDV'), 'SMS to patient: Rappel RDV', 'SMS au patient : Rappel RDV'],
    [
      'an SMS without a label shows its text',
      sms(),
      'SMS to patient: Bonjour {{patient.firstName}}',
      'SMS au patient : Bonjour {{patient.firstName}}',
    ],
    [
      'a trigger',
      {
        id: 't',
        type: 'trigger',
        position: at,
        data: { events: ['appointment.booked', 'appointment.rescheduled'] },
      },
      'When an appointment is booked or an appointment is moved',
      'Quand un rendez-vous est pris ou un rendez-vous est déplacé',
    ],
    [
      'a consent condition',
      {
        id: 'c',
        type: 'condition',
        position: at,
        data: { check: { kind: 'has-consent', channel: 'email' } },
      },
      'If the patient agreed to receive E-mail',
      'Si le patient accepte de recevoir : E-mail',
    ],
    [
      'a status condition',
      {
        id: 'c',
        type: 'condition',
        position: at,
        data: { check: { kind: 'appointment-status', statuses: ['booked', 'confirmed'] } },
      },
      'If the appointment is booked or confirmed',
      'Si le rendez-vous est réservé ou confirmé',
    ],
    [
      'an update',
      { id: 'u', type: 'update', position: at, data: { confirmation: 'confirmed' } },
      'Mark the appointment confirmed',
      'Marquer le rendez-vous confirmé',
    ],
    [
      'a webhook',
      { id: 'h', type: 'webhook', position: at, data: { url: 'https://pms.example.org/hooks/1' } },
      'Notify pms.example.org',
      'Prévenir pms.example.org',
    ],
    [
      'a ladder to reach the patient',
      {
        id: 'r',
        type: 'reach',
        position: at,
        data: {
          rungs: [
            { channel: 'whatsapp', template: {}, until: 'read', within: { amount: 2, unit: 'hours' } },
            { channel: 'sms', template: {}, until: 'delivered', within: { amount: 30, unit: 'minutes' } },
            { channel: 'email', template: {}, until: 'delivered', within: { amount: 1, unit: 'days' } },
          ],
        },
      },
      'WhatsApp (read within 2 h) → SMS (delivered within 30 min) → E-mail (delivered within 1 day)',
      'WhatsApp (lu sous 2 h) → SMS (remis sous 30 min) → E-mail (remis sous 1 jour)',
    ],
    ['an end', { id: 'e', type: 'end', position: at }, 'End of the flow', 'Fin du scénario'],
  ])('describes %s', (_title, node, en, fr) => {
    expect(summarizeStep(node, messages.en)).toBe(en);
    expect(summarizeStep(node, messages.fr)).toBe(fr);
  });

  it('describes the question of the reminders starter', () => {
    const ask = remindersFlow.nodes.find((node) => node.id === 'sms24') as FlowNode;
    expect(summarizeStep(ask, messages.en)).toBe(
      'SMS question to patient: Please confirm (reply within 20 h)',
    );
  });

  it.each(remindersFlow.nodes.map((node) => [node.id, node] as const))(
    'has no unfilled placeholder for starter step %s',
    (_id, node) => {
      expect(summarizeStep(node, messages.fr)).not.toMatch(/\{\w+\}/);
    },
  );
});

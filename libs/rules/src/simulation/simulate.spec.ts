import { bookingConfirmationFlow } from '../starter-flows/booking-confirmation.flow';
import { unreliableSecondReminderFlow } from '../starter-flows/unreliable-second-reminder.flow';
import { remindersFlow } from '../starter-flows/reminders.flow';
import { simulate } from './simulate';
import type { RenderText } from './render-text';
import { renderPlainText } from './render-text';

const event = { type: 'appointment.booked', at: '2026-05-07T09:00:00+02:00' };

describe(simulate.name, () => {
  it.each([
    [
      'a request without event',
      { flow: bookingConfirmationFlow },
      'event',
      'The simulation request is not valid at "event"',
    ],
    [
      'an invalid first flow',
      { flow: { name: 'x', nodes: [], edges: [] }, event },
      'nodes',
      'The flow has no trigger: add one to say what starts it',
    ],
    [
      'an invalid extra flow',
      { flow: bookingConfirmationFlow, flows: [{ nodes: 3 }], event },
      'flows.0.name',
      'The flow: the name is missing',
    ],
    [
      'an unknown time zone',
      { flow: bookingConfirmationFlow, context: { clinic: { timeZone: 'Mars/Olympus' } }, event },
      'context.clinic.timeZone',
      'Unknown time zone "Mars/Olympus"',
    ],
    [
      'bad sample data',
      { flow: bookingConfirmationFlow, context: { patient: { consent: 'yes' } }, event },
      'context.patient.consent',
      'The sample data is not valid at "patient.consent"',
    ],
  ])('should explain %s', (_title, request, path, message) => {
    const sut = simulate(request);
    expect(sut.valid).toBe(false);
    expect(sut.errors).toContainEqual(
      expect.objectContaining({ path, message: expect.stringContaining(message) }),
    );
  });

  it('should render with the injected renderer and show its failures as the reason', () => {
    const render: RenderText = ({ language }) => {
      if (language === 'fr') throw new Error('unknown helper "date"');
      return { text: null };
    };
    const sut = simulate({ flow: bookingConfirmationFlow, event }, { render });
    expect(sut.timeline.find((entry) => entry.kind === 'send')).toMatchObject({
      text: null,
      reason: 'text could not be rendered: unknown helper "date"',
    });
    const failing: RenderText = () => ({ text: null, errors: [{ message: 'missing variable' }] });
    expect(simulate({ flow: bookingConfirmationFlow, event }, { render: failing }).timeline[1].reason).toBe(
      'text could not be rendered: missing variable',
    );
  });

  it('should note replies nobody waits for, and stop at until', () => {
    const sut = simulate({
      flow: remindersFlow,
      event,
      replies: [
        { at: '2026-05-08T10:00:00+02:00', text: 'Bonjour' },
        { at: '2026-05-08T11:00:00+02:00', text: 'STOP' },
      ],
      until: '2026-05-10T12:00:00+02:00',
    });
    expect(sut.timeline.filter((entry) => entry.kind === 'reply').map((entry) => entry.reason)).toEqual([
      'no question is waiting for a reply',
      'STOP: SMS consent withdrawn',
    ]);
    expect(sut.timeline.map((entry) => entry.nodeId)).toEqual([
      'booked',
      'reply',
      'reply',
      'wait48',
      'email48',
    ]);
    expect(sut.runs[0]).toMatchObject({ status: 'waiting', nodeId: 'wait24' });
  });

  it('should keep each run on the event that started it when another event comes in', () => {
    const sut = simulate({
      flow: unreliableSecondReminderFlow,
      context: { patient: { mobile: '+33612345678', attendance: { visits: 8, noShows: 3 } } },
      event,
      changes: [{ at: '2026-05-12T04:00:00+02:00', type: 'appointment.confirmed' }],
    });
    expect(sut.timeline.filter((entry) => entry.kind === 'send').map((entry) => entry.local)).toEqual([
      '2026-05-12T08:00:00+02:00',
    ]);
  });

  it('should cancel what is pending when the appointment is cancelled', () => {
    const sut = simulate({
      flow: remindersFlow,
      event,
      changes: [{ at: '2026-05-09T12:00:00+02:00', type: 'appointment.cancelled' }],
    });
    expect(
      sut.timeline.filter((entry) => entry.status === 'skipped').map((entry) => [entry.nodeId, entry.reason]),
    ).toEqual([['wait48', 'cancelled: the appointment was cancelled']]);
    expect(sut.deliveries).toEqual([]);
  });

  it('should cancel a message that quiet hours moved past the change', () => {
    const sut = simulate({
      flow: bookingConfirmationFlow,
      event: { type: 'appointment.booked', at: '2026-05-07T22:00:00+02:00' },
      changes: [{ at: '2026-05-07T23:00:00+02:00', type: 'appointment.rescheduled' }],
    });
    expect(sut.timeline.find((entry) => entry.nodeId === 'sms-booked')).toMatchObject({
      kind: 'skip',
      status: 'skipped',
      local: '2026-05-07T23:00:00+02:00',
    });
    expect(sut.deliveries).toEqual([]);
  });
});

describe('renderPlainText', () => {
  it.each([
    [
      {
        byLanguage: {
          fr: {
            subject: 'RDV {{service.name}}',
            body: '{{patient.firstName}} {{date appointment.start}} {{unknown.path}}',
          },
        },
      },
      'fr',
      { text: 'Léa {{date appointment.start}} {{unknown.path}}', subject: 'RDV Bilan' },
    ],
    [{ byLanguage: { en: { body: 'Hi' } } }, 'fr', { text: 'Hi', subject: null }],
    [{ templateId: 'tpl-1' }, 'fr', { text: '[template tpl-1]' }],
    [{}, 'fr', { text: null }],
  ])('should fill %j in %s', (template, language, expected) => {
    const data = { patient: { firstName: 'Léa' }, service: { name: 'Bilan' } };
    expect(renderPlainText({ nodeId: 'n', channel: 'sms', template, language, data })).toEqual(expected);
  });
});

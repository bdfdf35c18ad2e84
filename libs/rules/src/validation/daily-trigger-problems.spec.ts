import type { FlowNode } from '../flow/flow-node.schema';
import type { TriggerEvent } from '../flow/flow-parts.schema';
import { practitionerDayListFlow } from '../starter-flows/practitioner-day-list.flow';
import { sendNode, straightFlow } from '../testing/fixtures';
import { validateFlow } from './validate-flow';

const dailyFlow = (steps: FlowNode[], events: TriggerEvent[] = ['schedule.daily'], dailyAt?: string) => {
  const flow = straightFlow(steps, events);
  const trigger = flow.nodes[0] as Extract<FlowNode, { type: 'trigger' }>;
  if (dailyAt) trigger.data.dailyAt = dailyAt;
  return flow;
};
const toPractitioner = sendNode('list', {
  channel: 'email',
  recipient: { type: 'resource' },
  template: { byLanguage: { fr: { subject: 'Demain', body: '{{dayList.longDate}}\n{{dayList.text}}' } } },
});
const codes = (flow: object) =>
  validateFlow(flow, { defaultLanguage: 'fr' }).problems.map((p) => [p.code, p.path]);

describe('the daily trigger', () => {
  it('should accept the starter day list', () => {
    expect(validateFlow(practitionerDayListFlow, { defaultLanguage: 'fr' }).problems).toEqual([]);
  });

  it.each([
    ['without its time', dailyFlow([toPractitioner]), [['daily-time-missing', 'nodes.0.data.dailyAt']]],
    [
      'with other events',
      dailyFlow([toPractitioner], ['schedule.daily', 'appointment.booked'], '18:00'),
      [['daily-with-other-events', 'nodes.0.data.events']],
    ],
    [
      'sending to a patient',
      dailyFlow(
        [sendNode('sms', { template: { byLanguage: { fr: { body: 'Bonjour' } } } })],
        undefined,
        '18:00',
      ),
      [['daily-no-patient', 'nodes.1.data.recipient']],
    ],
  ])('should refuse a daily flow %s', (_title, flow, expected) => {
    expect(codes(flow).filter(([code]) => code?.startsWith('daily-'))).toEqual(expected);
  });

  it.each([
    ['{{patient.firstName}}', 'variable-unknown'],
    ['{{appointment.startTime}}', 'variable-unknown'],
    ['{{delay.minutes}}', 'variable-unknown'],
  ])('should refuse %s in a day list (it is about the practitioner’s day)', (body, code) => {
    const flow = dailyFlow(
      [sendNode('list', { recipient: { type: 'resource' }, template: { byLanguage: { fr: { body } } } })],
      undefined,
      '07:00',
    );
    expect(codes(flow).map(([c]) => c)).toEqual([code]);
  });

  it('should refuse the day list in a flow of appointments', () => {
    const flow = straightFlow([
      sendNode('sms', { template: { byLanguage: { fr: { body: '{{dayList.text}}' } } } }),
    ]);
    expect(codes(flow).map(([c]) => c)).toEqual(['variable-unknown']);
  });
});

describe('the daily trigger and "Reach the patient"', () => {
  it('should refuse a ladder, which goes to the patient, in a daily list', () => {
    const reach = {
      id: 'reach',
      type: 'reach',
      position: { x: 0, y: 100 },
      data: {
        rungs: [
          {
            channel: 'sms',
            template: { byLanguage: { fr: { body: 'Bonjour' } } },
            until: 'delivered',
            within: { amount: 1, unit: 'hours' },
          },
        ],
      },
    } as FlowNode;
    const flow = dailyFlow([reach], ['schedule.daily'], '18:00');
    flow.edges.push({ id: 'nr', source: 'reach', target: 'end', sourceHandle: 'not-reached' });
    flow.edges.find((e) => e.source === 'reach' && e.id !== 'nr')!.sourceHandle = 'reached';
    expect(codes(flow)).toContainEqual(['daily-no-patient', 'nodes.1.data.rungs']);
  });
});

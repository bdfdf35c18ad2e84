import type { TriggerEvent } from '../flow/flow-parts.schema';
import type { WaitAnchor } from '../flow/wait-node.schema';
import { sendNode, straightFlow, waitNode } from '../testing/fixtures';
import { flowWarnings } from './flow-warnings';
import { validateFlow } from './validate-flow';

const flowOf = (events: TriggerEvent[], relativeTo: WaitAnchor) =>
  straightFlow([waitNode('wait24', { relativeTo, label: '24 h before' }), sendNode('sms24')], events);

describe(flowWarnings.name, () => {
  it.each<[string, TriggerEvent[], WaitAnchor, boolean]>([
    ['booked only, waiting for the appointment start', ['appointment.booked'], 'appointment-start', true],
    ['booked only, waiting for the appointment end', ['appointment.booked'], 'appointment-end', true],
    ['booked and rescheduled', ['appointment.booked', 'appointment.rescheduled'], 'appointment-start', false],
    ['booked only, waiting from the event', ['appointment.booked'], 'event', false],
    ['rescheduled only', ['appointment.rescheduled'], 'appointment-start', false],
    ['attended, waiting from the appointment end', ['appointment.attended'], 'appointment-end', false],
  ])('should warn or not for a flow %s', (_title, events, relativeTo, warns) => {
    expect(flowWarnings(flowOf(events, relativeTo)).length).toBe(warns ? 1 : 0);
  });

  it('should name the trigger and the waits, as a warning on the trigger', () => {
    expect(flowWarnings(flowOf(['appointment.booked'], 'appointment-start'))).toEqual([
      {
        nodeId: 'start',
        path: 'nodes.0.data.events',
        message:
          'Trigger "start" starts on "appointment booked" but not on "appointment rescheduled", and Wait ' +
          '"24 h before" counts from the appointment: when the appointment moves, its pending messages are ' +
          'cancelled and not planned again',
        code: 'reschedule-not-followed',
        params: { step: 'start', waits: 'wait24' },
        severity: 'warning',
      },
    ]);
  });
});

describe(`${validateFlow.name} with a warning`, () => {
  it('should keep the flow valid and list the warning after the errors', () => {
    const flow = flowOf(['appointment.booked'], 'appointment-start');
    const sut = validateFlow(flow);
    expect(sut.valid).toBe(true);
    expect(sut.problems.map((p) => [p.code, p.severity])).toEqual([['reschedule-not-followed', 'warning']]);

    const untitled = straightFlow([
      waitNode('wait24', { relativeTo: 'appointment-start' }),
      sendNode('sms24', { template: {} }),
    ]);
    const invalid = validateFlow(untitled);
    expect(invalid.valid).toBe(false);
    expect(invalid.problems.map((p) => [p.code, p.severity])).toEqual([
      ['template-missing', undefined],
      ['reschedule-not-followed', 'warning'],
    ]);
  });
});

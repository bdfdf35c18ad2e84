import type { FlowNode } from '@clinicflow/rules';
import { bookingChain, patientMessage, waitBefore } from './engine-scenario-flows';
import { useTestContext } from './test-app';

/**
 * F2: a flow started by "booked" but not by "rescheduled" whose steps wait for the appointment loses its
 * reminders when the appointment moves. The validator says so as a warning: on the trigger, in the draft's
 * problems, but the flow stays valid and publishes.
 */
describe('flow warnings', () => {
  const ctx = useTestContext();
  const clinic = ctx.clinic();
  const bookedOnly = bookingChain('Reminder 24 h before', [
    waitBefore('wait24', 1, 24, 'hours'),
    patientMessage('sms24', 2, 'sms', 'reminder'),
  ]);
  const withMoves = {
    ...bookedOnly,
    nodes: bookedOnly.nodes.map((node) =>
      node.type === 'trigger'
        ? ({
            ...node,
            data: { ...node.data, events: ['appointment.booked', 'appointment.rescheduled'] },
          } as FlowNode)
        : node,
    ),
  };

  it('should warn on the trigger of a booked-only flow that waits for the appointment, and still publish it', async () => {
    const created = await ctx.as(clinic).post('/api/flows', bookedOnly).expect(201);
    expect(created.body.valid).toBe(true);
    expect(created.body.problems).toEqual([
      expect.objectContaining({
        nodeId: 'booked',
        path: 'nodes.0.data.events',
        code: 'reschedule-not-followed',
        severity: 'warning',
        params: { step: 'booked', waits: 'wait24' },
      }),
    ]);
    const list = await ctx.as(clinic).get('/api/flows').expect(200);
    const summary = list.body.find((flow: { id: string }) => flow.id === created.body.id);
    expect(summary).toMatchObject({ valid: true, problemCount: 0 });

    await ctx.as(clinic).post(`/api/flows/${created.body.id}/publish`, { note: 'warned' }).expect(201);
  });

  it('should drop the warning once the trigger also starts on a move', async () => {
    const created = await ctx.as(clinic).post('/api/flows', bookedOnly).expect(201);
    const saved = await ctx
      .as(clinic)
      .put(`/api/flows/${created.body.id}`, { revision: 1, flow: withMoves })
      .expect(200);
    expect(saved.body.problems).toEqual([]);
  });

  it('should not count the warning among the errors that refuse a publish', async () => {
    const broken = {
      ...bookedOnly,
      nodes: bookedOnly.nodes.map((node) =>
        node.id === 'sms24' ? ({ ...node, data: { ...node.data, template: {} } } as FlowNode) : node,
      ),
    };
    const created = await ctx.as(clinic).post('/api/flows', broken).expect(201);
    expect(created.body.problems.map((p: { code: string }) => p.code)).toEqual([
      'template-missing',
      'reschedule-not-followed',
    ]);
    const refused = await ctx
      .as(clinic)
      .post(`/api/flows/${created.body.id}/publish`, { note: 'no' })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'draft.nodes.2.data.template' })]);
  });
});

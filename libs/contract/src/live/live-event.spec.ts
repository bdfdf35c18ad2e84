import { LIVE_EVENT_TYPES, liveEventSchemas } from './live-event';

describe('liveEventSchemas', () => {
  it('should name the events of api.md', () => {
    expect(LIVE_EVENT_TYPES).toEqual(['delivery.updated', 'run.updated']);
  });

  it.each([
    [
      'delivery.updated',
      { id: 'dlv_1', status: 'sent', flowId: null, nodeId: null, at: '2026-03-24T08:30:02.000Z' },
      true,
    ],
    [
      'delivery.updated',
      { id: 'dlv_1', status: 'lost', flowId: null, nodeId: null, at: '2026-03-24T08:30:02.000Z' },
      false,
    ],
    [
      'run.updated',
      { id: 'run_1', flowId: 'f1', nodeId: 'wait24', status: 'waiting', at: '2026-03-24T08:30:02.000Z' },
      true,
    ],
  ] as const)('should read a %s payload: %#', (type, payload, valid) => {
    expect(liveEventSchemas[type].safeParse(payload).success).toBe(valid);
  });
});

import type { RunStep } from '@clinicflow/rules';
import type { DeliveryActivity } from '../deliveries/delivery-stats.repository';
import type { RunActivity } from '../runs/run.repository';
import { patientInitials, summarizeFlowActivity } from './summarize-flow-activity';

const day = {
  day: '2026-03-06',
  start: new Date('2026-03-05T23:00:00Z'),
  end: new Date('2026-03-06T23:00:00Z'),
};
const step = (nodeId: string, at: string, outcome: RunStep['outcome'], kind: RunStep['kind'] = 'condition') =>
  ({ nodeId, at, outcome, kind, exit: null, reason: null, delivery: null }) as RunStep;
const run = (id: string, steps: RunStep[], extra: Partial<RunActivity> = {}): RunActivity => ({
  _id: id,
  clinicId: 'c',
  nodeId: steps.at(-1)?.nodeId ?? null,
  status: 'ended',
  steps,
  endedReason: null,
  createdAt: new Date(steps[0]?.at ?? '2026-03-06T08:00:00Z'),
  updatedAt: new Date(steps.at(-1)?.at ?? '2026-03-06T08:00:00Z'),
  patientId: null,
  ...extra,
});
const delivery = (id: string, nodeId: string, status: string, extra: Partial<DeliveryActivity> = {}) =>
  ({
    _id: id,
    clinicId: 'c',
    runId: 'r',
    nodeId,
    status,
    recipient: { type: 'patient', name: 'Léa Martin', address: null },
    reason: null,
    error: null,
    updatedAt: new Date('2026-03-06T09:00:00Z'),
    ...extra,
  }) as DeliveryActivity;

describe(summarizeFlowActivity.name, () => {
  it('counts a wait as entered when the run reached it, not when the wait ends', () => {
    const sut = summarizeFlowActivity({
      ...day,
      isToday: true,
      nodeIds: ['t', 'w'],
      deliveries: [],
      runs: [
        run(
          'r1',
          [
            step('t', '2026-03-06T08:00:00Z', 'passed', 'trigger'),
            step('w', '2026-03-09T08:00:00Z', 'waiting', 'wait'),
          ],
          {
            status: 'waiting',
            nodeId: 'w',
          },
        ),
      ],
    });
    expect(sut.nodes.w).toEqual({ entered: 1, waiting: 1, sent: 0, skipped: 0, failed: 0 });
  });

  it('leaves out steps of another day, and counts waiting runs only in the view of today', () => {
    const yesterday = run(
      'r1',
      [
        step('t', '2026-03-05T10:00:00Z', 'passed', 'trigger'),
        step('w', '2026-03-08T10:00:00Z', 'waiting', 'wait'),
      ],
      {
        status: 'waiting',
        nodeId: 'w',
      },
    );
    const sut = summarizeFlowActivity({
      ...day,
      isToday: false,
      nodeIds: ['t', 'w'],
      deliveries: [],
      runs: [yesterday],
    });
    expect(sut.nodes).toEqual({
      t: { entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 },
      w: { entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 },
    });
    expect(sut.latest).toEqual([]);
  });

  it.each([
    ['sent', 'sent'],
    ['delivered', 'sent'],
    ['answered', 'sent'],
    ['skipped', 'skipped'],
    ['failed', 'failed'],
  ] as const)('counts a message that is %s as %s', (status, count) => {
    const sut = summarizeFlowActivity({
      ...day,
      isToday: true,
      nodeIds: ['s'],
      runs: [],
      deliveries: [delivery('d', 's', status)],
    });
    expect(sut.nodes.s[count]).toBe(1);
  });

  it('does not count a scheduled or cancelled message, and a skipped wait counts as skipped', () => {
    const sut = summarizeFlowActivity({
      ...day,
      isToday: true,
      nodeIds: ['s', 'w'],
      runs: [run('r1', [step('w', '2026-03-06T08:00:00Z', 'skipped', 'wait')])],
      deliveries: [delivery('d1', 's', 'scheduled'), delivery('d2', 's', 'cancelled')],
    });
    expect(sut.nodes.s).toEqual({ entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 });
    expect(sut.nodes.w.skipped).toBe(1);
  });

  it('lists the latest 20 outcomes, newest first, with the failure reason', () => {
    const deliveries = Array.from({ length: 25 }, (_, i) =>
      delivery(`d${i}`, 's', 'failed', {
        updatedAt: new Date(Date.UTC(2026, 2, 6, 8, i)),
        error: { code: 'credits-exhausted', reason: 'credits exhausted' },
      }),
    );
    const sut = summarizeFlowActivity({ ...day, isToday: true, nodeIds: ['s'], runs: [], deliveries });
    expect(sut.latest).toHaveLength(20);
    expect(sut.latest[0]).toMatchObject({
      deliveryId: 'd24',
      status: 'failed',
      reason: 'credits exhausted',
      recipientName: 'Léa Martin',
    });
  });

  it("tells the feed's outcomes apart by their patients' initials", () => {
    const sut = summarizeFlowActivity({
      ...day,
      isToday: true,
      nodeIds: ['t', 'w', 's'],
      runs: [
        run('r1', [step('w', '2026-03-06T08:00:00Z', 'waiting', 'wait')], {
          status: 'waiting',
          patientId: 'p1',
        }),
        run('r2', [step('w', '2026-03-06T08:30:00Z', 'waiting', 'wait')], {
          status: 'waiting',
          patientId: 'p2',
        }),
      ],
      deliveries: [delivery('d1', 's', 'sent', { patientId: 'p1' })],
      initials: new Map([
        ['p1', 'L. M.'],
        ['p2', 'H. P.'],
      ]),
    });
    expect(sut.latest.map((o) => [o.runId ?? o.deliveryId, o.patientInitials])).toEqual([
      ['r', 'L. M.'],
      ['r2', 'H. P.'],
      ['r1', 'L. M.'],
    ]);
  });
});

describe(patientInitials.name, () => {
  it.each([
    ['Léa', 'Martin', 'L. M.'],
    ['élodie', ' dupont ', 'É. D.'],
    ['Hugo', null, 'H.'],
    [null, undefined, ''],
  ])('should write %p %p as %p', (first, last, expected) => {
    expect(patientInitials(first, last)).toBe(expected);
  });
});

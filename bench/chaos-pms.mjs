// The practice-management system of `npm run chaos`: bookings posted to the web process while the database goes
// away, each tried again with its own event id until accepted (as a PMS does with a 503 or no answer), and
// what became of them: one run each, none ended by an engine error, one booking confirmation sent each.
import { api } from './bench-api.mjs';
import { notSentBy, sleep } from './chaos-processes.mjs';

/** The PMS's key and the booking confirmation published and enabled: a flow that runs on each booking. */
export async function setUpPms(app, clinicId) {
  const { ApiKeyService } = api('./modules/api-keys/api-key.service');
  const { FlowService } = api('./modules/flows/flow.service');
  const { FlowVersionService } = api('./modules/flows/flow-version.service');
  const manager = { clinicId, kind: 'user', role: 'manager', email: 'chaos@clinicflow.test' };
  const { key } = await app.get(ApiKeyService).create(manager, 'PMS');
  const flows = app.get(FlowService);
  const flow = await flows.createFromStarter(manager, 'booking-confirmation');
  await app.get(FlowVersionService).publish(manager, flow.id, 'chaos');
  await flows.setEnabled(clinicId, flow.id, true);
  return { apiKey: key, flowId: flow.id };
}

/** An online booking of api.md, three days ahead, for patient `i`. */
function booking(prefix, i) {
  const start = new Date(Date.now() + 3 * 24 * 3_600_000);
  start.setUTCMinutes(0, 0, 0);
  return {
    id: `${prefix}-E-${i}`,
    type: 'appointment.booked',
    occurredAt: new Date().toISOString(),
    appointment: {
      externalId: `${prefix}-A-${i}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      source: 'online',
      serviceExternalId: 'S-CTRL',
      resourceExternalId: 'R-MARTIN',
      locationExternalId: 'L-MAIN',
    },
    patient: {
      externalId: `${prefix}-P-${i}`,
      firstName: 'Léa',
      lastName: `Martin ${i}`,
      mobile: `+3361234${String(i).padStart(4, '0')}`,
      language: 'fr',
    },
  };
}

/**
 * Posts `count` bookings to `base` in batches of `perPost` (`POST /api/events/bulk`), one batch a second, as a
 * PMS syncing its agenda; a batch answered 503 is tried again after its Retry-After, one unanswered after a
 * second (the same event ids: those stored already come back as duplicates); `onPost()` as each post leaves. `met` counts as it goes, `done`
 * answers it in the end: posts made, accepted, batches refused with 503, unanswered, and any other status (a 500
 * is a fault).
 */
export function postBookings({ base, apiKey, prefix, count, perPost, onPost = () => undefined }) {
  const met = { posts: 0, accepted: 0, refused503: 0, unanswered: 0, other: {}, rejected: 0 };
  const post = (events) => {
    met.posts++;
    onPost();
    return fetch(`${base}/api/events/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ events }),
      signal: AbortSignal.timeout(30_000),
    });
  };
  const done = (async () => {
    for (let from = 0; from < count; from += perPost) {
      const startedAt = Date.now();
      const events = Array.from({ length: Math.min(perPost, count - from) }, (_, i) =>
        booking(prefix, from + i),
      );
      for (;;) {
        const res = await post(events).catch(() => null);
        if (res === null) {
          met.unanswered++;
          await sleep(1_000);
          continue;
        }
        if (res.status === 200) {
          const { results } = await res.json();
          met.rejected += results.filter((r) => !r.accepted).length;
          break;
        }
        await res.arrayBuffer();
        if (res.status === 503) {
          met.refused503++;
          await sleep(Number(res.headers.get('retry-after') ?? 1) * 1_000);
          continue;
        }
        met.other[res.status] = (met.other[res.status] ?? 0) + 1;
        await sleep(1_000);
      }
      met.accepted += events.length;
      await sleep(Math.max(0, 1_000 - (Date.now() - startedAt)));
    }
    return met;
  })();
  return { met, done };
}

/** The runs of the flow and their confirmations: one run per booking, how many an engine error ended, sent. */
export async function countBookings(db, flowId, count) {
  const runs = await db.collection('runs').find({ flowId }).toArray();
  const engineErrors = runs.filter(
    (r) => r.endedWhy?.code === 'engine-error' || (r.endedReason ?? '').startsWith('engine error:'),
  );
  const deliveries = await db
    .collection('deliveries')
    .find({ runId: { $in: runs.map((r) => r._id) } })
    .toArray();
  const sent = deliveries.filter((d) => d.status === 'sent' || d.status === 'delivered');
  const perRun = new Map();
  for (const d of sent) perRun.set(d.runId, (perRun.get(d.runId) ?? 0) + 1);
  const sandbox = await db
    .collection('sandbox_messages')
    .find({ _id: { $in: deliveries.map((d) => d._id) } })
    .toArray();
  const inDoubt = new Set(deliveries.filter((d) => d.inDoubt).map((d) => d._id));
  const repeated = sandbox.filter((m) => (m.sendCalls ?? 1) > 1);
  const pendingEvents = await db.collection('events').countDocuments({ 'engine.status': 'pending' });
  return {
    runs: runs.length,
    appointments: new Set(runs.map((r) => r.appointmentId)).size,
    engineErrors: engineErrors.length,
    starting: runs.filter((r) => r.status === 'starting').length,
    confirmationsSent: perRun.size,
    confirmationsMissing: count - perRun.size,
    notSent: notSentBy(deliveries),
    sentTwice: [...perRun.values()].filter((n) => n > 1).length,
    repeatedOutsideDoubt: repeated.filter((m) => !inDoubt.has(m._id)).length,
    pendingEvents,
  };
}

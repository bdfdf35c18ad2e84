// The bursts of `npm run chaos`: planned through the API's own planning, counted from the database and the
// sandbox's raw send calls, and the clinic's settings changed through the built API started in this process.
import { api, startBenchApi } from './bench-api.mjs';
import { notSentBy } from './chaos-processes.mjs';

/** Plans `count` SMS due now for the clinic, through the API's own planning, and answers their ids. */
export async function planBurst(cluster, clinicId, prefix, count, expiresAt = null) {
  const started = await startBenchApi({ uri: cluster.uri, dbName: cluster.dbName });
  try {
    const { DeliveryPlanningService } = api('./modules/deliveries/delivery-planning.service');
    const planning = started.app.get(DeliveryPlanningService);
    const now = new Date();
    const ids = [];
    for (let from = 0; from < count; from += 1_000) {
      const inputs = Array.from({ length: Math.min(1_000, count - from) }, (_, i) => ({
        key: `${prefix}-${from + i}`,
        channel: 'sms',
        recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
        sendAt: now,
        template: { byLanguage: { fr: { body: `Rappel ${prefix}-${from + i}` } } },
        language: 'fr',
        expiresAt,
      }));
      const answer = await planning.plan(
        clinicId,
        inputs,
        { timeZone: 'Europe/Paris', origin: 'batch', templateData: {} },
        now,
      );
      ids.push(...answer.planned.map((d) => d._id));
    }
    return ids;
  } finally {
    await started.close();
  }
}

/** What became of the burst: sent, lost, repeated at the sandbox, in doubt, taken over. */
export async function count(cluster, ids) {
  return cluster.ask(async (db) => {
    const deliveries = await db
      .collection('deliveries')
      .find({ _id: { $in: ids } })
      .toArray();
    const sandbox = await db
      .collection('sandbox_messages')
      .find({ _id: { $in: ids } })
      .toArray();
    const sent = deliveries.filter((d) => d.status === 'sent' || d.status === 'delivered');
    const inDoubt = new Set(deliveries.filter((d) => d.inDoubt).map((d) => d._id));
    const repeated = sandbox.filter((m) => (m.sendCalls ?? 1) > 1);
    return {
      sent: sent.length,
      lost: ids.length - sent.length,
      notSent: notSentBy(deliveries),
      repeated: repeated.length,
      repeatedOutsideDoubt: repeated.filter((m) => !inDoubt.has(m._id)).length,
      inDoubt: inDoubt.size,
      takenOver: deliveries.filter((d) => (d.history ?? []).some((h) => /taken over/.test(h.reason ?? '')))
        .length,
    };
  });
}

/** Runs `work` with the built API started in this process on the chaos database, then stops it. */
export async function withSetUp(cluster, work) {
  const setup = await startBenchApi({ uri: cluster.uri, dbName: cluster.dbName });
  try {
    return await work(setup.app);
  } finally {
    await setup.close();
  }
}

/**
 * The clinic's SMS through the sandbox without receipts, at `ratePerSecond` (null: none), no quiet hours, test
 * mode (no credits needed): as the engine bench does.
 */
export async function useTheSandbox(app, clinicId, ratePerSecond) {
  const { SettingsRepository } = api('./modules/settings/settings.repository');
  await app.get(SettingsRepository).replaceSections(clinicId, {
    providers: {
      sms: {
        kind: 'sandbox',
        options: { receipts: false },
        sealedCredentials: null,
        credentialKeys: [],
        ratePerSecond,
      },
    },
    quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
    consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
    testMode: true,
    updatedAt: new Date(),
  });
}

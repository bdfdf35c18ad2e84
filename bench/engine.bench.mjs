// The engine's throughput with the built API (apps/api/dist) in this process, against the embedded database:
// deliveries planned per second, deliveries sent per second through the sandbox provider, the lag from due to
// sent (p50, p99) for a burst all due at the same instant, and the process's peak memory (RSS). Figures, never
// pass/fail. BENCH_DELIVERIES sets the burst (default 10 000, the figure).
import { api, withBenchApi } from './bench-api.mjs';

const COUNT = Number(process.env.BENCH_DELIVERIES ?? 10_000);
const PLAN_CHUNK = 1000;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  await withBenchApi('engine', {}, async ({ app, database, clinicId }) => {
    const { ClockRepository } = api('./common/clock.repository');
    const { SettingsRepository } = api('./modules/settings/settings.repository');
    const { DeliveryPlanningService } = api('./modules/deliveries/delivery-planning.service');
    const { EngineService } = api('./modules/engine/engine.service');
    // The bench reads the collections themselves (it measures, it does not go through the product's reads).
    const db = app.get(api('mongodb').Db);

    // The sandbox without receipts (the burst measures sending), no quiet hours, consent not required.
    await app.get(SettingsRepository).replaceSections(clinicId, {
      providers: {
        sms: { kind: 'sandbox', options: { receipts: false }, sealedCredentials: null, credentialKeys: [] },
      },
      quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      updatedAt: new Date(),
    });

    // All due at one instant an hour from now; the clock then jumps there (everything due at once).
    const clock = app.get(ClockRepository);
    const dueAt = new Date(Date.now() + 3_600_000);
    const planning = app.get(DeliveryPlanningService);
    let t = performance.now();
    for (let from = 0; from < COUNT; from += PLAN_CHUNK) {
      const inputs = Array.from({ length: Math.min(PLAN_CHUNK, COUNT - from) }, (_, i) => ({
        key: `bench-${from + i}`,
        channel: 'sms',
        recipient: { type: 'patient', name: 'Bench Patient', address: '+33612345678' },
        sendAt: dueAt,
        template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, RDV demain à 9 h.' } } },
        language: 'fr',
      }));
      await planning.plan(
        clinicId,
        inputs,
        { timeZone: 'Europe/Paris', origin: 'batch', templateData: { patient: { firstName: 'Léa' } } },
        new Date(),
      );
    }
    const planMs = performance.now() - t;

    const offset = dueAt.getTime() - Date.now();
    clock.now = () => new Date(Date.now() + offset);
    const engine = app.get(EngineService);
    t = performance.now();
    // Until the queue is empty (a send left behind by an error is taken over when its lease ends).
    const queue = db.collection('delivery_queue');
    while ((await queue.countDocuments()) > 0) {
      const report = await engine.tick();
      const { sent, failed, retrying, skipped, expired, recovered } = report.dispatch;
      if (sent + failed + retrying + skipped + expired + recovered === 0)
        await new Promise((r) => setTimeout(r, 200));
    }
    const sendMs = performance.now() - t;

    const deliveries = await db.collection('deliveries').find({ clinicId }).toArray();
    const sent = deliveries.filter((d) => d.status === 'sent');
    const lags = sent.map((d) => d.sentAt.getTime() - d.sendAt.getTime()).sort((a, b) => a - b);
    const rate = (n, ms) =>
      `${((n * 1000) / ms).toFixed(0).padStart(6)}/s  (${n} in ${(ms / 1000).toFixed(1)} s)`;
    console.log(`\nclinicflow engine (${database.kind}, node ${process.version}, ${COUNT} deliveries)`);
    console.log(`  planned                   ${rate(COUNT, planMs)}`);
    console.log(`  sent (sandbox)            ${rate(sent.length, sendMs)}`);
    console.log(`  lag due → sent, p50       ${(percentile(lags, 50) / 1000).toFixed(2)} s`);
    console.log(`  lag due → sent, p99       ${(percentile(lags, 99) / 1000).toFixed(2)} s`);
    console.log(`  peak memory (RSS)         ${(peakRss / 1024 / 1024).toFixed(0)} MiB\n`);
    const others = deliveries
      .filter((d) => d.status !== 'sent')
      .map((d) => `${d.status} ${d.error?.reason ?? ''}`);
    if (others.length) console.log(`  not sent: ${others.join('; ')}`);
  });
}

main()
  .finally(() => clearInterval(sampler))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

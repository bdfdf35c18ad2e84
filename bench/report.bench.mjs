// The message summary report with 200 000 deliveries of one clinic in the embedded database (issue 8): how
// long the built API (apps/api/dist, in this process, over HTTP) takes to answer the first page of the
// unfiltered report, the last 30 days' summary, a filtered page, the first pages of the other sorts and the
// summary of one status. The deliveries go straight into the
// database in bulk (this measures the report, not the engine). Figures, never pass/fail.
// BENCH_DELIVERIES sets the count (default 200 000), BENCH_RUNS the timed runs of each request (default 7),
// BENCH_API_DIST another build of the API (default apps/api/dist). docs/report.md says what makes it fast.
import { api, benchManager, withBenchApi } from './bench-api.mjs';

const COUNT = Number(process.env.BENCH_DELIVERIES ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const INSERT_CHUNK = 2000;
const DAY = 86_400_000;

/** Weighted picks, so that the mix looks like a clinic's: mostly delivered SMS, a few failures. */
const STATUSES = [
  ['delivered', 58],
  ['answered', 8],
  ['sent', 9],
  ['failed', 6],
  ['skipped', 6],
  ['cancelled', 4],
  ['expired', 1],
  ['retrying', 1],
  ['scheduled', 7],
];
const CHANNELS = [
  ['sms', 70],
  ['email', 25],
  ['voice', 5],
];
const FIRST_NAMES = ['Léa', 'Hugo', 'Inès', 'Lucas', 'Chloé', 'Jules', 'Zoé', 'Louis', 'Manon', 'Gabriel'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'];

function picker(weighted) {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  return (n) => {
    let r = n % total;
    for (const [value, w] of weighted) {
      if (r < w) return value;
      r -= w;
    }
    return weighted[0][0];
  };
}
const pickStatus = picker(STATUSES);
const pickChannel = picker(CHANNELS);

/** A deterministic pseudo-random number for delivery i (the same data on every run). */
const noise = (i, salt) => Math.abs(Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0;

const { DateTime } = api('luxon');
/** The folded name and address the search box looks in, as `DeliveryRepository` stores it. */
const { deliverySearchText } = api('./modules/deliveries/delivery.repository.js');
/** The clinic-local day of an instant, as the engine stores `createdDay` and `sendDay`. */
const isoDay = (ms) => DateTime.fromMillis(ms, { zone: 'Europe/Paris' }).toISODate();

function delivery(clinicId, i, now) {
  const createdAt = new Date(now - 90 * DAY + Math.floor((i / COUNT) * 90 * DAY));
  const status = pickStatus(noise(i, 1));
  const channel = pickChannel(noise(i, 2));
  const sendAt = new Date(createdAt.getTime() + (noise(i, 3) % 3) * DAY + 8 * 3_600_000);
  const first = FIRST_NAMES[noise(i, 4) % FIRST_NAMES.length];
  const last = LAST_NAMES[noise(i, 5) % LAST_NAMES.length];
  const address =
    channel === 'email'
      ? `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.org`
      : `+336${String(10_000_000 + (noise(i, 6) % 89_999_999)).padStart(8, '0')}`;
  const sent = !['scheduled', 'skipped', 'cancelled', 'expired'].includes(status);
  const text = `Bonjour ${first}, nous vous rappelons votre rendez-vous du ${isoDay(sendAt.getTime() + DAY)} à 09:30 au Cabinet du Parc. Répondez C pour confirmer, N pour annuler.`;
  const history = [{ status: 'scheduled', at: createdAt, attempt: 0, reason: null, by: null }];
  if (sent) history.push({ status: 'sending', at: sendAt, attempt: 1, reason: null, by: 'dispatcher' });
  if (status !== 'scheduled')
    history.push({ status, at: sendAt, attempt: 1, reason: null, by: 'dispatcher' });
  return {
    _id: `dlv_bench_${String(i).padStart(7, '0')}`,
    clinicId,
    origin: 'flow',
    runId: `run_bench_${Math.floor(i / 2)}`,
    flowId: `flow_${noise(i, 7) % 4}`,
    flowVersion: 1,
    nodeId: channel === 'email' ? 'email48' : 'sms24',
    batchId: null,
    appointmentId: `apt_bench_${Math.floor(i / 2)}`,
    patientId: `pat_bench_${noise(i, 8) % 20_000}`,
    serviceId: `svc_${noise(i, 9) % 6}`,
    resourceId: `res_${noise(i, 10) % 8}`,
    channel,
    recipient: { type: 'patient', name: `${first} ${last}`, address },
    searchText: deliverySearchText({ name: `${first} ${last}`, address }),
    purpose: 'reminder',
    expectsReply: channel === 'sms',
    template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, RDV le {{appointment.date}}.' } } },
    language: 'fr',
    sender: channel === 'sms' ? { smsSenderName: 'CabinetParc' } : null,
    templateData: { patient: { firstName: first }, appointment: { date: isoDay(sendAt.getTime() + DAY) } },
    createdAt,
    createdDay: isoDay(createdAt.getTime()),
    sendDay: isoDay(sendAt.getTime()),
    sendAt,
    expiresAt: new Date(sendAt.getTime() + DAY),
    sentAt: sent ? sendAt : null,
    deliveredAt: ['delivered', 'answered'].includes(status) ? new Date(sendAt.getTime() + 4000) : null,
    answeredAt: status === 'answered' ? new Date(sendAt.getTime() + 3_600_000) : null,
    status,
    attempt: sent ? 1 : 0,
    leaseUntil: null,
    error: status === 'failed' ? { code: 'invalid-number', reason: 'The number does not exist' } : null,
    reason: status === 'skipped' ? 'Quiet hours' : null,
    text: status === 'skipped' ? null : text,
    subject: channel === 'email' ? 'Votre rendez-vous' : null,
    segments: channel === 'sms' ? 2 : null,
    credits: channel === 'sms' && sent ? 2 : null,
    provider: sent ? 'sandbox' : null,
    providerMessageId: sent ? `sandbox-${i}` : null,
    inDoubt: false,
    history,
    updatedAt: sendAt,
  };
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

async function main() {
  await withBenchApi('report', { http: true }, async ({ database, clinicId, base }) => {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(benchManager),
    });
    const { accessToken } = await login.json();

    const { MongoClient } = api('mongodb');
    const client = await MongoClient.connect(database.uri);
    const deliveries = client.db('report_bench').collection('deliveries');
    const now = Date.now();
    let t = performance.now();
    for (let from = 0; from < COUNT; from += INSERT_CHUNK) {
      const chunk = Array.from({ length: Math.min(INSERT_CHUNK, COUNT - from) }, (_, i) =>
        delivery(clinicId, from + i, now),
      );
      await deliveries.insertMany(chunk, { ordered: false });
    }
    const insertMs = performance.now() - t;
    await client.close();
    const get = async (url) => {
      const started = performance.now();
      const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, body };
    };
    const day = (offset) => isoDay(now + offset * DAY);
    const requests = [
      ['first page, unfiltered', '/deliveries?page=1&pageSize=50', (b) => `total ${b.total}`],
      [
        'summary, last 30 days',
        `/deliveries/summary?from=${day(-29)}&to=${day(0)}`,
        (b) => `total ${b.totals.total}, ${b.totals.credits} credits`,
      ],
      [
        'failed, last 7 days',
        `/deliveries?status=failed&createdFrom=${day(-6)}&createdTo=${day(0)}&page=1&pageSize=50`,
        (b) => `total ${b.total}`,
      ],
      ['first page, latest send', '/deliveries?sort=-sendAt&page=1&pageSize=50', (b) => `total ${b.total}`],
      [
        'first page, latest delivery',
        '/deliveries?sort=-deliveredAt&page=1&pageSize=50',
        (b) => `total ${b.total}`,
      ],
      [
        'first page, undelivered',
        '/deliveries?sort=deliveredAt&page=1&pageSize=50',
        (b) => `total ${b.total}`,
      ],
      [
        'sendFrom today, soonest',
        `/deliveries?sendFrom=${day(0)}&sort=sendAt&page=1&pageSize=50`,
        (b) => `total ${b.total}`,
      ],
      [
        'page 3 by send, failed sms',
        '/deliveries?status=failed&channel=sms&sort=-sendAt&page=3&pageSize=100',
        (b) => `total ${b.total}`,
      ],
      [
        'search a name (zoe durand)',
        '/deliveries?q=zoe%20durand&page=1&pageSize=50',
        (b) => `total ${b.total}`,
      ],
      [
        'search a mobile number',
        '/deliveries?q=06%2012%2034%2056%2078&page=1&pageSize=50',
        (b) => `total ${b.total}`,
      ],
      [
        'search durand, 7 days',
        `/deliveries?q=durand&createdFrom=${day(-6)}&createdTo=${day(0)}&page=1&pageSize=50`,
        (b) => `total ${b.total}`,
      ],
      [
        'summary, failed, 30 days',
        `/deliveries/summary?from=${day(-29)}&to=${day(0)}&status=failed`,
        (b) => `total ${b.totals.total}, ${b.totals.credits} credits`,
      ],
    ];
    console.log(`\nclinicflow report (${database.kind}, node ${process.version}, ${COUNT} deliveries)`);
    console.log(
      `  inserted                     ${((COUNT * 1000) / insertMs).toFixed(0)}/s (${(insertMs / 1000).toFixed(1)} s)`,
    );
    for (const [name, url, describe] of requests) {
      const first = await get(url);
      const times = [first.ms];
      for (let run = 1; run < RUNS; run++) times.push((await get(url)).ms);
      const { median, max } = stats(times);
      console.log(
        `  ${name.padEnd(29)}median ${median.toFixed(0).padStart(6)} ms   max ${max.toFixed(0).padStart(6)} ms   (${describe(first.body)}, ${RUNS} runs)`,
      );
    }
    console.log('');
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// GET /metrics (issue 22, docs/production.md): Prometheus's text, for the bearer of METRICS_TOKEN only, counting
// what really happened (a message sent through the sandbox, events received, HTTP answers by route pattern) and
// never naming a clinic, a patient, an address or an id.
import { bookingConfirmationFlow } from '@clinicflow/rules';
import request from 'supertest';
import { EngineService } from '../src/modules/engine/engine.service';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { createTestApp, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const TOKEN = 'metrics-'.padEnd(40, 'x');

/** One sample's value in the text format, 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ METRICS_TOKEN: TOKEN }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  beforeAll(async () => {
    await engine.settings(clinic, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    await engine.publish(clinic, bookingConfirmationFlow);
  });
  const scrape = async () =>
    (await ctx.http().get('/metrics').auth(TOKEN, { type: 'bearer' }).expect(200)).text;

  it('should refuse a scrape without the token or with another', async () => {
    const none = await ctx.http().get('/metrics').expect(401);
    expect(none.body.message).toContain('METRICS_TOKEN');
    await ctx.http().get('/metrics').auth('y'.repeat(40), { type: 'bearer' }).expect(401);
  });

  it('should count a message sent, its lag, the queue and the events received, naming no one', async () => {
    const before = await scrape();
    const sent = 'clinicflow_sends_total{channel="sms",provider="sandbox",outcome="sent"}';
    await engine.post(clinic, bookingEvent('m-1', 'A-m-1', '2026-03-09T10:00')).expect(202);
    await engine.post(clinic, bookingEvent('m-1', 'A-m-1', '2026-03-09T10:00')).expect(200);
    const queued = await scrape();
    expect(sample(queued, 'clinicflow_queue_entries')).toBeGreaterThanOrEqual(1);
    expect(sample(queued, 'clinicflow_queue_due')).toBeGreaterThanOrEqual(1);

    await ctx.app.get(EngineService).drain();
    const after = await scrape();
    expect(sample(after, sent) - sample(before, sent)).toBe(1);
    expect(sample(after, 'clinicflow_send_lag_seconds_count{channel="sms"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'clinicflow_events_received_total{answer="new"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'clinicflow_events_received_total{answer="duplicate"}')).toBe(1);
    expect(sample(after, 'clinicflow_events_set_aside')).toBe(0);
    expect(after).toContain('clinicflow_queue_oldest_due_seconds');
    expect(after).toContain('clinicflow_process_resident_memory_bytes');

    // HTTP answers by route pattern: the id of a delivery read is not in the text, nor the clinic's.
    const [delivery] = await engine.deliveries(clinic);
    await ctx.as(clinic).get(`/api/deliveries/${delivery._id}`).expect(200);
    const text = await scrape();
    expect(text).toMatch(
      /clinicflow_http_request_duration_seconds_count\{method="GET",route="\/api\/deliveries\/:id",status="2xx"\} [1-9]/,
    );
    expect(text).not.toContain(delivery._id);
    expect(text).not.toContain(clinic.clinicId);
    expect(text).not.toContain('+336');
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('should not exist', async () => {
    const app = await createTestApp();
    const res = await request(app.getHttpServer())
      .get('/metrics')
      .auth(TOKEN, { type: 'bearer' })
      .expect(404);
    expect(res.body.message).toContain('set METRICS_TOKEN');
    await app.close();
  });
});

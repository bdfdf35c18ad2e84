import { ClinicEvents } from '../../common/clinic-events';
import type { ClockRepository } from '../../common/clock.repository';
import { LiveEventsService } from '../live/live-events.service';
import type { WebhookEndpointRepository } from './webhook-endpoint.repository';
import type { WebhookMessageRepository } from './webhook-message.repository';
import { WebhookOutboxService } from './webhook-outbox.service';

describe(WebhookOutboxService.name, () => {
  it("reads a clinic's endpoints once for a burst of status changes, and stores nothing without endpoints", async () => {
    let reads = 0;
    const endpoints = {
      ofClinic: () => {
        reads++;
        return new Promise((resolve) => setTimeout(() => resolve([]), 20));
      },
    } as unknown as WebhookEndpointRepository;
    const added: unknown[] = [];
    const messages = {
      addMany: async (m: unknown[]) => added.push(...m),
    } as unknown as WebhookMessageRepository;
    const live = new LiveEventsService();
    const outbox = new WebhookOutboxService(endpoints, messages, new ClinicEvents(), live, {
      now: () => new Date(),
    } as ClockRepository);
    outbox.onModuleInit();
    for (let i = 0; i < 500; i++) {
      live.deliveryUpdated('cln_1', {
        id: `dlv_${i}`,
        status: 'sent',
        flowId: null,
        nodeId: null,
        at: new Date().toISOString(),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    outbox.onModuleDestroy();
    expect(reads).toBe(1);
    expect(added).toEqual([]);
    expect(outbox.takeFresh()).toBe(false);
  });
});

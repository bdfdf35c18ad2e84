import { ConfigService } from '@nestjs/config';
import { createTestApp } from './test-app';

describe('the application environment', () => {
  it('is read from the validated environment and leaves process.env as it found it', async () => {
    const before = { ...process.env };
    expect(before.DISPATCH_LEASE_SECONDS).toBeUndefined();
    const app = await createTestApp({ DISPATCH_LEASE_SECONDS: '7' });
    try {
      expect(app.get(ConfigService).get('DISPATCH_LEASE_SECONDS')).toBe(7);
      // Nothing copied into process.env: an app started after this one reads its own values, not these.
      expect(process.env).toEqual(before);
    } finally {
      await app.close();
    }
  });
});

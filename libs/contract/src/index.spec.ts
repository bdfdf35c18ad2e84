import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as contract from './index';

/** Every source file of the library (specs left out). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [file] : [];
  });
}

describe('@clinicflow/contract', () => {
  // The editor bundles this library: it must reach nothing but zod and the (pure) rules library.
  it.each(sources(__dirname).map((file) => [path.relative(__dirname, file), file]))(
    '%s should import only zod, the rules library and its own files',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const packages = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)]
        .map((m) => m[1])
        .filter((s) => !s.startsWith('.'));
      expect(packages.filter((p) => p !== 'zod' && p !== '@clinicflow/rules')).toEqual([]);
    },
  );

  it('should export the shared lists and schemas', () => {
    expect(contract.CHANNELS).toEqual(['sms', 'email', 'voice', 'whatsapp']);
    expect(contract.DELIVERY_STATUSES).toContain('scheduled');
    for (const name of [
      'deliveryRowSchema',
      'deliveryDetailSchema',
      'deliveryListQuerySchema',
      'deliverySummarySchema',
      'settingsSectionsSchema',
      'settingsViewSchema',
      'pmsEventSchema',
      'apiErrorBodySchema',
    ] as const) {
      expect(contract[name]).toBeDefined();
    }
  });
});

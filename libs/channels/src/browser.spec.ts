import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as browser from './browser';

/** Every file the entry reaches through relative imports, with the bare packages they import. */
function reach(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  );
  seen.set(
    file,
    specifiers.filter((s) => !s.startsWith('.')),
  );
  for (const relative of specifiers.filter((s) => s.startsWith('.'))) {
    reach(path.resolve(path.dirname(file), `${relative}.ts`), seen);
  }
  return seen;
}

describe('browser entry', () => {
  // The rules library is pure (no I/O) and the editor bundles it anyway: the variable catalogue comes from it.
  it('reaches no package but the rules library (no Node.js built-ins, no provider SDKs)', () => {
    const files = reach(path.join(__dirname, 'browser.ts'));
    expect(files.size).toBeGreaterThan(1);
    for (const [file, packages] of files) {
      expect({ file, packages: packages.filter((p) => p !== '@clinicflow/rules') }).toEqual({
        file,
        packages: [],
      });
    }
  });

  it('gives the editor the languages, the variable catalogue and the sender rule', () => {
    expect(browser.LANGUAGES).toContain('fr');
    expect(browser.TEMPLATE_VARIABLES.map((v) => v.path)).toContain('patient.firstName');
    expect(browser.checkSenderId('CabLilas').valid).toBe(true);
    expect(browser.checkSenderId('Far too long a name').valid).toBe(false);
  });

  it('gives the editor the SMS counter and the GSM-7 look-alikes', () => {
    expect(browser.measureSms('côté').encoding).toBe('UCS-2');
    expect(browser.toGsmEquivalents('côté').text).toBe('coté');
  });
});

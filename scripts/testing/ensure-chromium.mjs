// The end-to-end tests use Debian's Chromium at /usr/bin/chromium, never a downloaded browser.
import { existsSync } from 'node:fs';
import { runCommand } from '../workspace/run-command.mjs';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium when it is missing and we are root; otherwise says what to do. */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is missing: install Debian's package (sudo apt-get install -y chromium), then run npm test again.`,
    );
  }
  console.log(`Installing Debian's chromium for the end-to-end tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await runCommand('apt-get', ['update', '-qq'], { env })) !== 0)
    throw new Error('apt-get update failed.');
  if ((await runCommand('apt-get', ['install', '-y', '-qq', 'chromium'], { env })) !== 0) {
    throw new Error('apt-get install chromium failed; see the output above.');
  }
}

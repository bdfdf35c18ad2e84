import { rmSync } from 'node:fs';

/** Removes the run's data directory once the product has stopped. */
export default async function globalTeardown() {
  if (process.env.E2E_DATA_DIR) rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}

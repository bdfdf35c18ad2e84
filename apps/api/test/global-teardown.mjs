import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__clinicflowDatabase?.stop();
  if (process.env.CLINICFLOW_TEST_DIR)
    rmSync(process.env.CLINICFLOW_TEST_DIR, { recursive: true, force: true });
}

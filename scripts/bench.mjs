// `npm run bench`: builds, then runs every benchmark in bench/ (files named *.bench.mjs) one after the other.
// Benchmarks print figures; they never pass or fail on a time.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, root } from './workspace/ensure-dependencies.mjs';
import { runCommand } from './workspace/run-command.mjs';

await ensureDependencies();
if (
  (await runCommand('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: root })) !== 0
) {
  process.exit(1);
}
const only = process.argv[2];
// What follows the name goes to the benchmark: `npm run bench -- engine --bursts 2000`.
const benchArgs = process.argv.slice(3);
const benches = readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.mjs') && (!only || file.includes(only)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  if (
    (await runCommand(process.execPath, [path.join(root, 'bench', file), ...benchArgs], { cwd: root })) !== 0
  )
    failed++;
}
if (benches.length === 0) console.log('No benchmarks in bench/ yet.');
process.exit(failed ? 1 : 0);

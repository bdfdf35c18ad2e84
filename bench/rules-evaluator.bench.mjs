// Evaluator throughput for the reminders starter flow (48 h e-mail + 24 h SMS asking to confirm), on one core.
// Each run is evaluated the way the engine does it: the booking event, the two due timers and the patient's "C" reply;
// every call to evaluate() counts as one event. Needs `npx nx build rules` first (libs/rules/dist).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { evaluate, remindersFlow, sampleContext } = require('../libs/rules/dist/index.js');

// 20 000 different appointments (start times spread over a year, every minute different), so the library's small
// caches of parsed times do not make the figure look better than a real stream of events would.
const appointments = 20_000;
const firstStart = Date.parse('2026-06-01T07:00:00Z');
const contexts = Array.from({ length: appointments }, (_, i) => {
  const start = new Date(firstStart + i * 26 * 60_000 + (i % 7) * 60_000).toISOString();
  const bookedAt = new Date(Date.parse(start) - (3 + (i % 9)) * 86_400_000).toISOString();
  return {
    ...sampleContext,
    patient: { ...sampleContext.patient, id: `patient-${i}` },
    appointment: { ...sampleContext.appointment, id: `appointment-${i}`, start },
    event: { type: 'appointment.booked', at: bookedAt },
  };
});

/** One appointment's whole run; returns the number of events evaluated. */
function lifecycle(context) {
  let result = evaluate({ flow: remindersFlow, run: null, context, now: context.event.at });
  let events = 1;
  while (result.run.status === 'waiting') {
    result = evaluate({
      flow: remindersFlow,
      run: result.run,
      context,
      now: result.run.timerAt,
      signal: { kind: 'timer' },
    });
    events++;
  }
  if (result.run.status === 'awaiting-reply') {
    evaluate({
      flow: remindersFlow,
      run: result.run,
      context,
      now: result.run.at,
      signal: { kind: 'reply', text: 'C' },
    });
    events++;
  }
  return events;
}

for (let i = 0; i < 2_000; i++) lifecycle(contexts[appointments - 1 - i]);
// Throughput is events per second of this process's CPU time (one core), so other work on a shared machine does not
// change the figure; the wall-clock rate is printed alongside.
let events = 0;
const cpuStart = process.cpuUsage();
const started = performance.now();
let elapsed = 0;
for (let i = 0; elapsed < 3_000; i++) {
  events += lifecycle(contexts[i % appointments]);
  if (i % 100 === 0) elapsed = performance.now() - started;
}
elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const perCpuSecond = Math.round((events / cpuMs) * 1000);
const perWallSecond = Math.round((events / elapsed) * 1000);
console.log(
  `rules.evaluator: ${perCpuSecond} events/s (reminders flow, one core; ${perWallSecond} events/s wall clock)`,
);

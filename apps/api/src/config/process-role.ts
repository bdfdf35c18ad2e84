import type { ConfigService } from '@nestjs/config';
import type { Env } from './env';

/**
 * What a process does (`CLINICFLOW_ROLE`, docs/production.md): one process does everything (`all`, what
 * `npm start` runs), or web processes serve people and PMSs while worker processes run the engine, each side
 * scaled on its own. Every process may be stopped at any time: claims and leases make the engine's work safe
 * to share and to take over (docs/engine.md).
 */
export const PROCESS_ROLES = ['all', 'web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** Whether the engine ticks here (timers, sends, the sweep, retention): never in a web process. */
export function runsEngine(config: ConfigService<Env, true>): boolean {
  return (
    config.get('ENGINE_ENABLED', { infer: true }) && config.get('CLINICFLOW_ROLE', { infer: true }) !== 'web'
  );
}

/** Whether people, PMSs and providers are served here (the API, the editor, live events, the HL7 listener). */
export function servesRequests(role: ProcessRole): boolean {
  return role !== 'worker';
}

/**
 * The routes of process managers and Prometheus (liveness, readiness, metrics): all a worker answers, and
 * left out of the request log (they come every few seconds).
 */
export function isProbeRoute(path: string): boolean {
  return path === '/metrics' || path === '/api/health' || path.startsWith('/api/health/');
}

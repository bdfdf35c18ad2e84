/** The body of GET /api/health (api.md): 200 with status ok, or 503 with status error. */
export interface HealthReport {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, { status: 'up' | 'down' }>;
  error?: Record<string, { status: 'up' | 'down'; message?: string }>;
}

/** Reads the API's health; a 503 still carries the report, so it is returned, not thrown. */
export async function fetchHealth(): Promise<HealthReport> {
  const response = await fetch('/api/health');
  if (response.status !== 200 && response.status !== 503) {
    throw new Error(`GET /api/health answered ${response.status}`);
  }
  return (await response.json()) as HealthReport;
}

/** The database's state as the report tells it. */
export function databaseState(report: HealthReport): 'up' | 'down' {
  return report.info?.database?.status === 'up' ? 'up' : 'down';
}

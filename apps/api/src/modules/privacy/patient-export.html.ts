import type { PatientExport } from './patient-export.service';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML (a patient's name or a message may hold anything). */
function escape(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A table of rows, its columns in the order given; "none" when there are no rows. */
function table(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = columns.map((c) => `<th>${escape(c)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td>${escape(row[c])}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The subject access export as one readable HTML page (no script, styles inline in a `<style>` element, so it
 * prints and opens offline): the patient, consent history, appointments, messages, replies and audit entries.
 */
export function renderPatientExport(found: PatientExport): string {
  const p = found.patient as Record<string, unknown>;
  const name = `${escape(p.firstName)} ${escape(p.lastName)}`.trim();
  const details = Object.entries(p)
    .map(([key, value]) => `<tr><th>${escape(key)}</th><td>${escape(value)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data held about ${name}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style>
</head><body>
<h1>Data held about ${name}</h1>
<p>Exported at ${escape(found.exportedAt)}.</p>
<h2>Patient</h2>
<table><tbody>
${details}
</tbody></table>
<h2>Consent history</h2>
${table(found.consentHistory as never, ['channel', 'granted', 'purposes', 'source', 'at'])}
<h2>Appointments</h2>
${table(found.appointments as never, ['id', 'start', 'end', 'status', 'serviceId', 'resourceId', 'notes'])}
<h2>Messages</h2>
${table(
  found.deliveries.map((d) => ({ ...d, to: d.recipient.address, name: d.recipient.name })),
  ['createdAt', 'sentAt', 'channel', 'status', 'name', 'to', 'subject', 'text'],
)}
<h2>Replies</h2>
${table(found.replies, ['receivedAt', 'channel', 'from', 'text', 'meaning', 'outcome'])}
<h2>Audit entries about this patient</h2>
${table(
  found.auditEntries.map((e) => ({ ...e, actor: e.actor.label ?? e.actor.kind })),
  ['at', 'action', 'actor', 'details'],
)}
</body></html>
`;
}

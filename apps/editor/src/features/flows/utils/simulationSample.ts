import { sampleContext } from '@clinicflow/rules';

/** The simulation form: the sample (patient and appointment as JSON), the event, replies and the horizon. */
export interface SimulationForm {
  sample: string;
  eventType: string;
  eventAt: string;
  replies: { at: string; text: string }[];
  until: string;
}

/** A form filled with the rules library's sample appointment, booked ten days before it. */
export function defaultSimulationForm(eventType: string): SimulationForm {
  const { patient, appointment, service, resource } = sampleContext;
  return {
    sample: JSON.stringify({ patient, appointment, service, resource }, null, 2),
    eventType,
    eventAt: '2026-05-02T09:00:00+02:00',
    replies: [],
    until: '2026-05-14T00:00:00+02:00',
  };
}

/** The clinic-local wall time of a timeline entry (`local` carries the clinic's offset), without the seconds. */
export function clinicLocalTime(local: string): string {
  return local.slice(0, 16).replace('T', ' ');
}

/** Reads the form into the request; the sample's JSON error is reported on the `sample` field. */
export function simulationRequestOf(form: SimulationForm) {
  const context = JSON.parse(form.sample) as Record<string, unknown>;
  return {
    context,
    event: { type: form.eventType, at: form.eventAt.trim() },
    replies: form.replies.filter((reply) => reply.at.trim() && reply.text.trim()),
    until: form.until.trim() || undefined,
  };
}

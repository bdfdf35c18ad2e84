import type { Duration } from '../flow/flow-parts.schema';
import type { FlowNodeOf } from '../flow/flow-node.schema';
import type { Flow } from '../flow/flow.schema';
import type { MessagePurpose } from '../flow/send-node.schema';

/** A ready-made flow a clinic can start from, with the features it covers. */
export interface StarterFlow {
  key: string;
  features: readonly string[];
  flow: Flow;
}

/** A canvas position for the n-th step of a column (auto-layout redraws it anyway). */
export const slot = (row: number, column = 0): { x: number; y: number } => ({
  x: column * 260,
  y: row * 140,
});

/** An edge from one step's exit to another step. */
export const link = (source: string, target: string, sourceHandle?: string) => ({
  id: `${source}-${sourceHandle ?? 'next'}-${target}`,
  source,
  target,
  sourceHandle: sourceHandle ?? null,
});

/** The trigger of the reminder flows: an appointment booked or moved (a moved appointment is planned again). */
export const bookedOrMovedTrigger = (): FlowNodeOf<'trigger'> => ({
  id: 'booked',
  type: 'trigger',
  position: slot(0),
  data: {
    label: 'Appointment booked or moved',
    events: ['appointment.booked', 'appointment.rescheduled'],
  },
});

/** A wait of some hours (elapsed time) before the appointment start, named `wait<hours>`. */
export const hoursBeforeAppointment = (hours: number, row: number): FlowNodeOf<'wait'> => ({
  id: `wait${hours}`,
  type: 'wait',
  position: slot(row),
  data: {
    label: `${hours} h before`,
    relativeTo: 'appointment-start',
    direction: 'before',
    amount: hours,
    unit: 'hours',
  },
});

/** What a starter SMS to the patient says, in French and English, and what it is for. */
export interface PatientSms {
  id: string;
  position: { x: number; y: number };
  label: string;
  purpose: MessagePurpose;
  expiresAfter?: Duration;
  fr: string;
  en: string;
}

/** An SMS step to the patient with a French and an English text. */
export const patientSms = ({
  id,
  position,
  label,
  purpose,
  expiresAfter,
  fr,
  en,
}: PatientSms): FlowNodeOf<'send'> => ({
  id,
  type: 'send',
  position,
  data: {
    label,
    channel: 'sms',
    recipient: { type: 'patient' },
    purpose,
    ...(expiresAfter ? { expiresAfter } : {}),
    template: { byLanguage: { fr: { body: fr }, en: { body: en } } },
  },
});

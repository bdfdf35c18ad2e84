import type { Flow } from '../flow/flow.schema';
import type { FlowNode } from '../flow/flow-node.schema';
import { bookedOrMovedTrigger, hoursBeforeAppointment, link, patientSms, slot } from './starter-flow';

const hours = [70, 22, 1] as const;

const reminder = (h: number, row: number): FlowNode[] => [
  hoursBeforeAppointment(h, row),
  patientSms({
    id: `sms${h}`,
    position: slot(row + 1),
    label: `Reminder ${h} h`,
    purpose: 'reminder',
    fr: 'Rappel : RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}. {{clinic.name}}',
    en: 'Reminder: appointment on {{date appointment.start "EEEE d MMMM"}} at {{time appointment.start}}. {{clinic.name}}',
  }),
];

/** F3: three SMS reminders, 70 h, 22 h and 1 h before, as the Opus seed sends them. */
export const opusRemindersFlow: Flow = {
  id: 'starter-opus-reminders',
  name: 'Reminders 70 h, 22 h and 1 h before',
  nodes: [
    bookedOrMovedTrigger(),
    ...hours.flatMap((h, i) => reminder(h, 1 + i * 2)),
    { id: 'end', type: 'end', position: slot(7) },
  ],
  edges: [
    link('booked', 'wait70'),
    link('wait70', 'sms70'),
    link('sms70', 'wait22'),
    link('wait22', 'sms22'),
    link('sms22', 'wait1'),
    link('wait1', 'sms1'),
    link('sms1', 'end'),
  ],
};

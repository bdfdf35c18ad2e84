import type { Flow } from '../flow/flow.schema';
import { link, patientSms, slot } from './starter-flow';

/** F9: a resource is late or absent; the engine runs this once per affected appointment, at once. */
export const resourceAlertFlow: Flow = {
  id: 'starter-resource-alert',
  name: 'Practitioner late or absent',
  settings: { quietHours: 'ignore' },
  nodes: [
    {
      id: 'alert',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Practitioner late or absent', events: ['resource.delayed', 'resource.absent'] },
    },
    {
      id: 'is-late',
      type: 'condition',
      position: slot(1),
      data: {
        label: 'Late (not absent)?',
        check: { kind: 'expression', logic: { '==': [{ var: 'event.type' }, 'resource.delayed'] } },
      },
    },
    patientSms({
      id: 'sms-late',
      position: slot(2, 0),
      label: 'Running late',
      purpose: 'alert',
      fr: '{{resource.name}} a du retard : votre RDV de {{time appointment.start}} est prévu vers {{time delay.newStart}}. {{clinic.name}}',
      en: '{{resource.name}} is running late: your {{time appointment.start}} appointment should start around {{time delay.newStart}}. {{clinic.name}}',
    }),
    patientSms({
      id: 'sms-absent',
      position: slot(2, 1),
      label: 'Absent',
      purpose: 'alert',
      // an absence may cover several days: the text names the appointment's own day
      fr: '{{resource.name}} est absent le {{date appointment.start "EEEE d MMMM"}} : votre RDV de {{time appointment.start}} doit être déplacé. Appelez le {{clinic.phone}}.',
      en: '{{resource.name}} is absent on {{date appointment.start "EEEE d MMMM"}}: your {{time appointment.start}} appointment must be moved. Please call {{clinic.phone}}.',
    }),
    { id: 'end', type: 'end', position: slot(3) },
  ],
  edges: [
    link('alert', 'is-late'),
    link('is-late', 'sms-late', 'yes'),
    link('is-late', 'sms-absent', 'no'),
    link('sms-late', 'end'),
    link('sms-absent', 'end'),
  ],
};

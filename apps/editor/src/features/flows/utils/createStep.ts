import type { FlowNode, NodeType } from '@clinicflow/rules';

/** A new step of a type with sensible first values; what is still missing shows as a problem on it. */
export function createStep(type: NodeType, id: string, position: { x: number; y: number }): FlowNode {
  switch (type) {
    case 'trigger':
      return { id, type, position, data: { events: ['appointment.booked'] } };
    case 'condition':
      return { id, type, position, data: { check: { kind: 'has-consent', channel: 'sms' } } };
    case 'wait':
      return {
        id,
        type,
        position,
        data: { relativeTo: 'appointment-start', direction: 'before', amount: 24, unit: 'hours' },
      };
    case 'send':
      return {
        id,
        type,
        position,
        data: { channel: 'sms', recipient: { type: 'patient' }, template: {}, purpose: 'reminder' },
      };
    case 'ask':
      return {
        id,
        type,
        position,
        data: {
          channel: 'sms',
          recipient: { type: 'patient' },
          template: {},
          purpose: 'confirmation',
          timeout: { amount: 24, unit: 'hours' },
        },
      };
    case 'reach':
      // the ladder of the palette's hint: WhatsApp, if not read within 2 hours an SMS
      return {
        id,
        type,
        position,
        data: {
          purpose: 'reminder',
          rungs: [
            { channel: 'whatsapp', template: {}, until: 'read', within: { amount: 2, unit: 'hours' } },
            { channel: 'sms', template: {}, until: 'delivered', within: { amount: 30, unit: 'minutes' } },
          ],
        },
      };
    case 'update':
      return { id, type, position, data: { confirmation: 'confirmed' } };
    case 'webhook':
      return { id, type, position, data: { url: 'https://example.com/webhook' } };
    case 'end':
      return { id, type, position };
  }
}

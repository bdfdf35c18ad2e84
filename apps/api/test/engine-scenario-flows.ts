import { remindersFlow, type Channel, type Flow, type FlowNode, type TemplateText } from '@clinicflow/rules';

/** Small flows the scenarios of domain.md need beyond the starter flows. */
const position = (row: number) => ({ x: 0, y: row * 140 });
const link = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  sourceHandle: null,
});

/** A message step to the patient. */
export function patientMessage(
  id: string,
  row: number,
  channel: 'sms' | 'email' | 'voice',
  purpose: 'reminder' | 'notice' = 'notice',
): FlowNode {
  return {
    id,
    type: 'send',
    position: position(row),
    data: {
      label: id,
      channel,
      recipient: { type: 'patient' },
      purpose,
      template: {
        byLanguage: {
          fr: {
            ...(channel === 'email' ? { subject: 'Votre RDV' } : {}),
            body: 'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
          },
        },
      },
    },
  } as FlowNode;
}

/** A wait before the appointment's start. */
export function waitBefore(id: string, row: number, amount: number, unit: 'hours' | 'days'): FlowNode {
  return {
    id,
    type: 'wait',
    position: position(row),
    data: { label: id, relativeTo: 'appointment-start', direction: 'before', amount, unit },
  } as FlowNode;
}

/** Trigger on a booking, then the steps in order, then the end. */
export function bookingChain(name: string, steps: FlowNode[]): Flow {
  const trigger = {
    id: 'booked',
    type: 'trigger',
    position: position(0),
    data: { label: 'Booked', events: ['appointment.booked'] },
  } as FlowNode;
  const end = { id: 'end', type: 'end', position: position(steps.length + 1), data: {} } as FlowNode;
  const nodes = [trigger, ...steps, end];
  return { name, nodes, edges: nodes.slice(1).map((node, i) => link(nodes[i].id, node.id)) };
}

/** The reminders starter asking its question on another channel, with these texts per language. */
export function remindersAskingOn(channel: Channel, byLanguage: Record<string, TemplateText>): Flow {
  return {
    ...remindersFlow,
    nodes: remindersFlow.nodes.map((node) =>
      node.type === 'ask'
        ? ({ ...node, data: { ...node.data, channel, template: { byLanguage } } } as FlowNode)
        : node,
    ),
  };
}

import type { Flow } from '@clinicflow/rules';
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '../../../test/render-with-providers';
import { SimulationPanel } from '../components/SimulationPanel';

// shared by the simulation panel's specs, so each spec file stays short

/** trigger → SMS the day before → e-mail. */
export const flow: Flow = {
  name: 'Rappels',
  nodes: [
    { id: 'booked', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'sms24',
      type: 'send',
      position: { x: 0, y: 100 },
      data: { label: 'Rappel la veille', channel: 'sms', recipient: { type: 'patient' }, template: {} },
    },
    {
      id: 'email24',
      type: 'send',
      position: { x: 0, y: 200 },
      data: { channel: 'email', recipient: { type: 'patient' }, template: {} },
    },
  ],
  edges: [
    { id: 'e1', source: 'booked', target: 'sms24', sourceHandle: null },
    { id: 'e2', source: 'sms24', target: 'email24', sourceHandle: null },
  ],
} as Flow;

/** trigger → "Reach the patient" (WhatsApp until read within 2 h, else SMS until delivered) → end. */
export const reachFlow: Flow = {
  name: 'Joindre',
  nodes: [
    { id: 'booked', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'reach',
      type: 'reach',
      position: { x: 0, y: 100 },
      data: {
        rungs: [
          { channel: 'whatsapp', template: {}, until: 'read', within: { amount: 2, unit: 'hours' } },
          { channel: 'sms', template: {}, until: 'delivered', within: { amount: 30, unit: 'minutes' } },
        ],
      },
    },
    { id: 'done', type: 'end', position: { x: 0, y: 200 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'booked', target: 'reach', sourceHandle: null },
    { id: 'e2', source: 'reach', target: 'done', sourceHandle: 'reached' },
  ],
} as Flow;

/** What the API answers for `flow`: the trigger, the SMS sent, the e-mail skipped (with its reason code). */
export const timeline = [
  {
    at: '2026-05-02T07:00:00Z',
    local: '2026-05-02T09:00:00+02:00',
    nodeId: 'booked',
    kind: 'trigger',
    channel: null,
    recipient: null,
    status: 'planned',
    text: null,
    reason: null,
  },
  {
    at: '2026-05-11T08:00:00Z',
    local: '2026-05-11T10:00:00+02:00',
    nodeId: 'sms24',
    kind: 'send',
    channel: 'sms',
    recipient: 'patient',
    status: 'planned',
    text: 'Bonjour Léa, RDV demain à 10:00.',
    reason: null,
  },
  {
    at: '2026-05-11T08:00:00Z',
    local: '2026-05-11T10:00:00+02:00',
    nodeId: 'email24',
    kind: 'skip',
    channel: 'email',
    recipient: 'patient',
    status: 'skipped',
    text: null,
    reason: 'E-mail is switched off for service Détartrage',
    why: { code: 'channel-off-service', params: { channel: 'email', service: 'Détartrage' } },
  },
];

/** The clinic's settings (Paris), services and practitioners, as the fake API answers them. */
export const clinic = {
  'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }] as [number, unknown],
  'GET /services?pageSize=100': [200, { items: [{ id: 'svc-ctrl', name: 'Contrôle' }] }] as [number, unknown],
  'GET /resources?pageSize=100': [
    200,
    { items: [{ id: 'res-bernard', name: 'Dr Hugo Bernard', phone: '+33142685301' }] },
  ] as [number, unknown],
};

/** The panel inside a stand-in for the page; `rerender` gives it another draft, as editing would. */
export function renderPanel(options: { onPickStep?: jest.Mock; onPath?: jest.Mock; flow?: Flow } = {}) {
  const props = {
    flowId: 'f1',
    defaultEvent: 'appointment.booked',
    beforeRun: jest.fn(async () => undefined),
    stepName: (id: string) => (id === 'sms24' ? 'Rappel la veille' : `step ${id}`),
    onPickStep: options.onPickStep ?? jest.fn(),
    onPath: options.onPath ?? jest.fn(),
    onClose: () => undefined,
  };
  // the page gives the draft as it is edited: a harness stands in for it
  let setFlow: (next: Flow) => void = () => undefined;
  function Harness() {
    const [draft, set] = useState(options.flow ?? flow);
    setFlow = set;
    return <SimulationPanel {...props} flow={draft} />;
  }
  renderWithProviders(<Harness />);
  return { ...props, rerender: (next: Flow) => act(() => setFlow(next)) };
}

/** A field by its label (a required field's label ends with Mantine's asterisk). */
export const field = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
/** Sets a field's value as the browser's date and time pickers do. */
export const setValue = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });

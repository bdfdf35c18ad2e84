import type { Flow } from '@clinicflow/rules';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Socket } from 'socket.io-client';
import { setLiveSocketOpener } from '../../../live';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { FlowEditor } from '../components/FlowEditor';
import { lineFlow } from '../testing/flowFixtures';
import type { FlowActivity } from './flowActivityApi';
import { FlowLiveProvider, LiveFeed, LiveStatus } from '.';

const zero = { entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 };
const morning: FlowActivity = {
  day: '2026-03-06',
  timeZone: 'Europe/Paris',
  nodes: {
    t: { ...zero, entered: 3 },
    w: { ...zero, entered: 3, waiting: 1 },
    s: { ...zero, entered: 2, sent: 1, failed: 1 },
    e: zero,
  },
  latest: [
    {
      at: '2026-03-06T08:00:02Z',
      nodeId: 's',
      deliveryId: 'd-failed',
      runId: 'r1',
      status: 'failed',
      recipientName: 'Léa Martin',
      patientInitials: 'L. M.',
      reason: 'credits exhausted',
    },
    { at: '2026-03-06T07:55:00Z', nodeId: 'w', runId: 'r3', status: 'waiting', patientInitials: 'H. P.' },
  ],
};
const later: FlowActivity = {
  ...morning,
  nodes: { ...morning.nodes, s: { ...zero, entered: 3, sent: 2, failed: 1 } },
  latest: [
    {
      at: '2026-03-06T08:05:00Z',
      nodeId: 's',
      deliveryId: 'd-new',
      runId: 'r2',
      status: 'sent',
      recipientName: 'Hugo Petit',
    },
    ...morning.latest,
  ],
};

/** A socket.io stand-in: the test emits what the server would. */
function fakeSocket() {
  const handlers = new Map<string, (payload?: unknown) => void>();
  const socket = {
    active: true,
    on: (type: string, handler: (payload?: unknown) => void) => {
      handlers.set(type, handler);
      return socket;
    },
    removeAllListeners: () => socket,
    disconnect: () => socket,
  };
  setLiveSocketOpener(() => socket as unknown as Socket);
  return { emit: (type: string, payload?: unknown) => act(() => handlers.get(type)?.(payload)) };
}

function renderOverlay(enabled = true, flow: Flow = lineFlow()) {
  renderWithProviders(
    <FlowLiveProvider flowId="f1" published initiallyEnabled={enabled} stepName={(id) => `step ${id}`}>
      <FlowEditor
        initialFlow={flow}
        onChange={() => undefined}
        toolbar={<LiveStatus />}
        overlay={<LiveFeed />}
      />
    </FlowLiveProvider>,
  );
}

const clinicSettings = { timeZone: 'Europe/Paris', country: 'FR' };

const count = (stepId: string, what: string) =>
  within(screen.getByTestId(`step-${stepId}`)).getByTestId(`activity-${what}`);

describe('the live overlay of a flow', () => {
  beforeEach(() => sessionStorage.setItem('clinicflow.session.token', 'token'));
  afterEach(() => {
    setLiveSocketOpener(null);
    sessionStorage.clear();
  });

  it("shows today's counts on the right step cards and the latest outcomes", async () => {
    fakeSocket();
    // the clinic's settings give the feed its clock (src/clock: its zone and country)
    fakeApi({ 'GET /flows/f1/activity': [200, morning], 'GET /settings': [200, clinicSettings] });
    renderOverlay();
    await waitFor(() => expect(count('s', 'sent')).toHaveTextContent('1'));
    expect(count('t', 'entered')).toHaveTextContent('3');
    expect(count('w', 'waiting')).toHaveTextContent('1');
    expect(count('w', 'sent')).toHaveTextContent('0');
    expect(count('s', 'failed')).toHaveAttribute('aria-label', '1 failed today');
    const feed = screen.getByRole('region', { name: 'Latest outcomes today' });
    // each outcome says whose it is by the patient's initials, its step by name, and its clinic time
    const row = within(feed).getByText('L. M.').closest('li')!;
    expect(row).toHaveTextContent('step s');
    expect(row).toHaveTextContent('failed');
    await waitFor(() => expect(row).toHaveTextContent('09:00')); // 08:00:02Z in Paris
    expect(within(feed).queryByText('Léa Martin')).not.toBeInTheDocument();
    expect(within(feed).getByText('credits exhausted')).toBeInTheDocument();
    const waiting = within(feed).getByText('H. P.').closest('li')!;
    expect(waiting).toHaveTextContent(/08:55.*H\. P\..*step w.*waiting/);
  });

  it('labels each count on the cards and explains them in a legend', async () => {
    fakeSocket();
    fakeApi({ 'GET /flows/f1/activity': [200, morning] });
    renderOverlay();
    await waitFor(() => expect(count('s', 'sent')).toHaveTextContent('1 sent'));
    expect(count('w', 'waiting')).toHaveTextContent('1 waiting');
    expect(count('t', 'entered')).toHaveTextContent('3 entered');
    const legend = screen.getByRole('region', { name: 'Counts of today on each step' });
    for (const word of ['entered', 'waiting', 'sent', 'skipped', 'failed'])
      expect(within(legend).getByText(word)).toBeInTheDocument();
    expect(legend).toHaveTextContent('messages that could not be sent');
  });

  it('lists the failed messages of a step with their reasons when its failed count is clicked', async () => {
    fakeSocket();
    const api = fakeApi({
      'GET /flows/f1/activity': [200, morning],
      'GET /settings': [200, clinicSettings],
      'GET /deliveries?*': [
        200,
        {
          total: 2,
          items: [
            {
              id: 'd-failed',
              nodeId: 's',
              sendAt: '2026-03-06T08:00:00Z',
              recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
              error: { code: 'credits-exhausted', reason: 'credits exhausted' },
              reason: null,
            },
            {
              id: 'd-other',
              nodeId: 'elsewhere',
              sendAt: '2026-03-06T08:00:00Z',
              recipient: { type: 'patient', name: 'Other Step', address: null },
              error: { code: 'x', reason: 'not this step' },
              reason: null,
            },
          ],
        },
      ],
    });
    renderOverlay();
    const user = userEvent.setup();
    await waitFor(() => expect(count('s', 'failed')).toHaveTextContent('1'));
    // jsdom measures nothing, so React Flow keeps the cards hidden (no accessible names): find it by label
    await user.click(screen.getByLabelText('Show the 1 failed messages of this step today'));
    const drawer = await screen.findByRole('dialog', { name: 'Failed messages today: step s' });
    const rows = await within(drawer).findAllByTestId('failed-delivery');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Léa Martin');
    // the failure in the user's words (issue 15), at its clinic time
    expect(rows[0]).toHaveTextContent('The clinic has no SMS credits left');
    expect(api.requests.map((r) => r.path)).toContain(
      '/deliveries?flowId=f1&status=failed&sendFrom=2026-03-06&sendTo=2026-03-06&pageSize=100',
    );
  });

  it('refetches on a live event of this flow only, and announces the new outcome', async () => {
    const socket = fakeSocket();
    let answer = morning;
    const api = fakeApi({ 'GET /flows/f1/activity': () => [200, answer] });
    renderOverlay();
    await waitFor(() => expect(count('s', 'sent')).toHaveTextContent('1'));
    socket.emit('connect');
    expect(screen.getByTestId('live-badge')).toHaveAttribute('data-status', 'connected');

    answer = later;
    socket.emit('delivery.updated', { id: 'x', status: 'sent', flowId: 'other-flow', nodeId: 's', at: '1' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(api.calls('GET', '/flows/f1/activity')).toHaveLength(1);

    socket.emit('delivery.updated', { id: 'd-new', status: 'sent', flowId: 'f1', nodeId: 's', at: '2' });
    socket.emit('run.updated', { id: 'r2', status: 'ended', flowId: 'f1', nodeId: 'e', at: '3' });
    await waitFor(() => expect(count('s', 'sent')).toHaveTextContent('2'));
    expect(api.calls('GET', '/flows/f1/activity')).toHaveLength(2);
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent('step s: sent — Hugo Petit'),
    );
  });

  it('shows no counts while the flow is off, and starts when it is switched on', async () => {
    fakeSocket();
    const api = fakeApi({
      'GET /flows/f1/activity': [200, morning],
      'POST /flows/f1/enable': [200, { id: 'f1', enabled: true }],
    });
    renderOverlay(false);
    expect(screen.getByText('Turn the flow on to watch today’s counts on each step.')).toBeInTheDocument();
    // the switch says what is true: the flow is off
    const off = screen.getByRole('switch', { name: 'Flow off: it does not run for new appointment events' });
    expect(off).not.toBeChecked();
    expect(screen.getByText('Off')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Counts of today on each step' })).not.toBeInTheDocument();
    expect(within(screen.getByTestId('step-s')).queryByTestId('step-activity')).not.toBeInTheDocument();
    expect(api.calls('GET', '/flows/f1/activity')).toHaveLength(0);

    await userEvent.setup().click(off);
    await waitFor(() => expect(count('s', 'sent')).toHaveTextContent('1'));
    expect(screen.getByRole('switch', { name: 'Flow on: it runs for new appointment events' })).toBeChecked();
    expect(api.calls('POST', '/flows/f1/enable')).toHaveLength(1);
  });
});

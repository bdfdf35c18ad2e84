import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { fakeApi } from '../../test/fakeApi';
import type { ClinicSettings } from './api/settingsApi';
import SettingsPage from './SettingsPage';

const settings: ClinicSettings = {
  clinicId: 'c1',
  name: 'Cabinet des Lilas',
  phone: null,
  website: null,
  timeZone: 'Europe/Paris',
  country: 'FR',
  defaultLanguage: 'fr',
  communicationsEnabled: true,
  channels: { sms: true, email: true, voice: false, whatsapp: false },
  channelToggles: { services: { 'svc-hyg': { sms: false } }, resources: {} },
  consent: { mode: 'opt-in', purposes: ['reminders', 'recall'] },
  quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [7], holidays: ['2026-12-25'] },
  limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
  unreliable: { noShowRate: 0.3, minimumVisits: 3 },
  senders: {
    smsSenderName: 'CabLilas',
    emailFromName: null,
    emailFromAddress: null,
    voiceCallerNumber: null,
  },
  providers: {
    sms: {
      kind: 'smpp',
      options: { host: 'smpp.example.fr', systemId: 'lilas' },
      credentials: { password: '********' },
    },
    email: { kind: 'sandbox', options: {}, credentials: {} },
    voice: { kind: 'sandbox', options: {}, credentials: {} },
    whatsapp: { kind: 'sandbox', options: {}, credentials: {} },
  },
  testMode: true,
  creditsScope: 'clinic',
  credits: { balance: 500, byResource: {}, topUps: [] },
  adminEmail: null,
  adminMobile: null,
  adminAlerts: { creditsBelow: null, providerFailuresInARow: 5 },
  retention: { months: 13 },
  emailOpenTracking: true,
  createdAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T08:00:00.000Z',
  updatedBy: 'system',
};

const directory = {
  'GET /services?pageSize=100': [
    200,
    {
      items: [
        { id: 'svc-ctrl', name: 'Contrôle' },
        { id: 'svc-hyg', name: 'Hygiène' },
      ],
    },
  ] as [number, unknown],
  'GET /resources?pageSize=100': [200, { items: [{ id: 'res-martin', name: 'Dr Martin' }] }] as [
    number,
    unknown,
  ],
  'GET /status': [
    200,
    {
      at: '2026-05-11T08:00:00.000Z',
      communicationsEnabled: true,
      testMode: true,
      waiting: 0,
      sentToday: 3,
      oldestDueAt: null,
      dispatcherLagSeconds: 0,
      channels: {
        sms: { enabled: true, provider: 'smpp', lastSentAt: null, lastError: null, waiting: 0, sentToday: 3 },
      },
    },
  ] as [number, unknown],
};

/** The page in a data router (the unsaved-changes guard needs one), with the settings answered as given. */
function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/settings', element: <SettingsPage /> },
      { path: '/flows', element: <p>Flows page</p> },
    ],
    { initialEntries: ['/settings'] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}

/** The fake API: GET answers the settings; PUT answers them with the body applied. */
function api(putAnswer?: [number, unknown]) {
  return fakeApi({
    ...directory,
    'GET /settings': [200, settings],
    'PUT /settings': (body) => putAnswer ?? [200, { ...settings, ...(body as object) }],
  });
}

describe('SettingsPage', () => {
  it('switches SMS off for a service in the matrix and saves only the channels section', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPage();
    expect(await screen.findByTestId('test-mode-banner')).toHaveTextContent('nothing reaches patients');
    const smsForControle = await screen.findByRole('switch', { name: 'SMS for Contrôle' });
    expect(smsForControle).toBeChecked();
    expect(screen.getByRole('switch', { name: 'SMS for Hygiène' })).not.toBeChecked();
    await user.click(smsForControle);
    await user.click(screen.getByRole('switch', { name: 'SMS for Hygiène' }));
    expect(screen.getAllByText('Unsaved changes').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Save channels and consent' }));

    await waitFor(() => expect(fake.calls('PUT', '/settings')).toHaveLength(1));
    const { previous, ...body } = fake.calls('PUT', '/settings')[0].body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['channelToggles', 'channels', 'communicationsEnabled', 'consent', 'limits', 'unreliable'].sort(),
    );
    expect(body.channelToggles).toEqual({ services: { 'svc-ctrl': { sms: false } }, resources: {} });
    // What the section was edited from, so the API can refuse a save over another manager's change.
    expect(previous).toMatchObject({ channelToggles: settings.channelToggles, consent: settings.consent });
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  // Queries by role beside the week grid's 168 cells take about 15 s in jsdom on two cores, more under load.
  it('sets the sending hours by dragging across the week grid and a weekday off by its name', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPage();
    await user.click(await screen.findByRole('tab', { name: 'Quiet hours' }));
    expect(screen.getByTestId('hour-1-8')).toHaveAttribute('data-state', 'allowed');
    expect(screen.getByTestId('hour-1-21')).toHaveAttribute('data-state', 'quiet');
    expect(screen.getByTestId('hour-7-12')).toHaveAttribute('data-state', 'closed');

    fireEvent.mouseDown(screen.getByTestId('hour-2-9'));
    fireEvent.mouseEnter(screen.getByTestId('hour-2-13'));
    fireEvent.mouseEnter(screen.getByTestId('hour-2-17'));
    fireEvent.mouseUp(window);
    expect(screen.getByTestId('hour-4-8')).toHaveAttribute('data-state', 'quiet');
    expect(screen.getByTestId('hour-4-17')).toHaveAttribute('data-state', 'allowed');
    expect(screen.getByTestId('hour-4-18')).toHaveAttribute('data-state', 'quiet');
    expect(screen.getByLabelText('Send from')).toHaveValue('09:00');
    expect(screen.getByLabelText('Until')).toHaveValue('18:00');

    await user.click(screen.getByRole('button', { name: 'Send on Saturday' }));
    expect(screen.getByTestId('hour-6-10')).toHaveAttribute('data-state', 'closed');
    await user.click(screen.getByRole('button', { name: 'Remove the holiday 2026-12-25' }));
    fireEvent.change(screen.getByLabelText('Holiday'), { target: { value: '2027-01-01' } });
    await user.click(screen.getByRole('button', { name: 'Add the holiday' }));
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));

    await waitFor(() => expect(fake.calls('PUT', '/settings')).toHaveLength(1));
    expect(fake.calls('PUT', '/settings')[0].body).toEqual({
      quietHours: {
        windows: [{ start: '18:00', end: '09:00' }],
        noSendWeekdays: [6, 7],
        holidays: ['2027-01-01'],
      },
      previous: { quietHours: settings.quietHours },
    });
  });

  it('sets the sending hours with the keyboard: Enter on the first hour, arrows, Enter on the last', async () => {
    const user = userEvent.setup();
    api();
    renderPage();
    await user.click(await screen.findByRole('tab', { name: 'Quiet hours' }));
    const grid = screen.getByRole('grid', { name: 'Sending hours of the week' });
    act(() => within(grid).getByTestId('hour-1-8').focus());
    await user.keyboard('{ArrowRight}{Enter}');
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{Enter}');
    expect(screen.getByLabelText('Send from')).toHaveValue('09:00');
    expect(screen.getByLabelText('Until')).toHaveValue('14:00');
    expect(screen.getByTestId('hour-3-14')).toHaveAttribute('data-state', 'quiet');
  });

  describe('when another manager saved the same section meanwhile', () => {
    const theirs: ClinicSettings = {
      ...settings,
      channelToggles: { services: { 'svc-ctrl': { email: false } }, resources: {} },
      updatedBy: 'anne@lilas.test',
      updatedAt: '2026-05-11T08:00:00.000Z',
    };
    const conflict: [number, unknown] = [
      409,
      {
        statusCode: 409,
        message:
          'These settings were changed by anne@lilas.test at 2026-05-11T08:00:00.000Z since you opened them',
        errors: [{ path: 'body.channelToggles', message: 'changed by anne@lilas.test' }],
      },
    ];

    /** The API as it stands after the other manager's save: a GET answers theirs, a PUT from the old values is refused. */
    function apiAfterTheirSave() {
      let gets = 0;
      return fakeApi({
        ...directory,
        'GET /settings': () => [200, gets++ === 0 ? settings : theirs],
        'PUT /settings': (body) => {
          const { previous, ...sections } = body as { previous: Partial<ClinicSettings> };
          return JSON.stringify(previous.channelToggles) === JSON.stringify(theirs.channelToggles)
            ? [200, { ...theirs, ...sections }]
            : conflict;
        },
      });
    }

    async function saveOverTheirs(user: ReturnType<typeof userEvent.setup>) {
      await user.click(await screen.findByRole('switch', { name: 'SMS for Contrôle' }));
      await user.click(screen.getByRole('button', { name: 'Save channels and consent' }));
      return screen.findByRole('alert', { name: /Someone else saved this section meanwhile/ });
    }

    it('says so, keeps the edits, and shows what they saved when asked', async () => {
      const user = userEvent.setup();
      apiAfterTheirSave();
      renderPage();
      const alert = await saveOverTheirs(user);
      // Who and when, in the clinic's time (Paris, summer time): read again after the refusal.
      await waitFor(() => expect(alert).toHaveTextContent(/anne@lilas\.test saved it on .*10:00/));
      expect(screen.getByRole('switch', { name: 'SMS for Contrôle' })).not.toBeChecked();
      await user.click(within(alert).getByRole('button', { name: /Show what they saved/ }));
      await waitFor(() =>
        expect(screen.queryByRole('alert', { name: /Someone else saved/ })).not.toBeInTheDocument(),
      );
      expect(screen.getByRole('switch', { name: 'SMS for Contrôle' })).toBeChecked();
      expect(screen.getByRole('switch', { name: 'E-mail for Contrôle' })).not.toBeChecked();
      expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
    });

    it('saves the edits over theirs only when asked, from what they saved', async () => {
      const user = userEvent.setup();
      const fake = apiAfterTheirSave();
      renderPage();
      const alert = await saveOverTheirs(user);
      await user.click(within(alert).getByRole('button', { name: 'Save mine over theirs' }));
      expect(await screen.findByText('Saved')).toBeInTheDocument();
      const puts = fake.calls('PUT', '/settings');
      expect(puts).toHaveLength(2);
      expect((puts[1].body as { previous: ClinicSettings }).previous.channelToggles).toEqual(
        theirs.channelToggles,
      );
      expect((puts[1].body as ClinicSettings).channelToggles).toEqual({
        services: { 'svc-ctrl': { sms: false }, 'svc-hyg': { sms: false } },
        resources: {},
      });
    });
  });

  it('shows the API’s refusal next to the field it names', async () => {
    const user = userEvent.setup();
    api([
      400,
      {
        statusCode: 400,
        message: 'Validation failed',
        errors: [
          { path: 'body.senders.voiceCallerNumber', message: 'must be an E.164 number such as +33612345678' },
        ],
      },
    ]);
    renderPage();
    await user.click(await screen.findByRole('tab', { name: 'Senders and providers' }));
    const caller = screen.getByRole('textbox', { name: 'Caller number for voice calls' });
    await user.type(caller, '0145678900');
    await user.click(screen.getByRole('button', { name: 'Save senders and providers' }));
    await waitFor(() => expect(caller).toHaveAttribute('aria-invalid', 'true'));
    expect(caller).toHaveAccessibleDescription(expect.stringContaining('must be an E.164 number'));
    expect(screen.getByText('Not saved')).toBeInTheDocument();
  });

  it('never shows a stored credential; a new one is sent, the stored kind and options kept', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderPage();
    await user.click(await screen.findByRole('tab', { name: 'Senders and providers' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveValue('');
    expect(screen.getByText('set')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('********');
    expect(screen.getByRole('textbox', { name: 'Server' })).toHaveValue('smpp.example.fr');
    expect(screen.getByRole('button', { name: 'Test connection (SMS)' })).toBeEnabled();

    await user.type(password, 'n3w-secret');
    expect(screen.getByRole('button', { name: 'Test connection (SMS)' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save senders and providers' }));
    await waitFor(() => expect(fake.calls('PUT', '/settings')).toHaveLength(1));
    expect(fake.calls('PUT', '/settings')[0].body).toEqual({
      senders: settings.senders,
      adminEmail: null,
      providers: {
        sms: {
          kind: 'smpp',
          options: { host: 'smpp.example.fr', systemId: 'lilas' },
          credentials: { password: 'n3w-secret' },
          // no rate typed: the kind's default
          ratePerSecond: null,
        },
      },
      previous: { senders: settings.senders, adminEmail: null },
    });
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveValue(''));
    expect(document.body.innerHTML).not.toContain('n3w-secret');
  });

  it('says in words whether the connection works and what became of the test message', async () => {
    const user = userEvent.setup();
    let polls = 0;
    const fake = fakeApi({
      ...directory,
      'GET /settings': [200, settings],
      // `message` is the API's English sentence: the editor words the result code instead.
      'POST /settings/providers/sms/test': [
        200,
        { ok: false, result: 'refused', message: 'The provider refused the connection or the login.' },
      ],
      'POST /sends': [201, { id: 'd1', status: 'scheduled' }],
      'GET /deliveries/d1': () => [200, { id: 'd1', status: ++polls < 2 ? 'sending' : 'sent' }],
    });
    renderPage();
    await user.click(await screen.findByRole('tab', { name: 'Senders and providers' }));
    await user.click(screen.getByRole('button', { name: 'Test connection (SMS)' }));
    expect(await screen.findByTestId('connection-sms')).toHaveTextContent(
      'Connection failed. The provider refused the connection or the login: check the address, the port and the credentials.',
    );
    await user.type(screen.getAllByRole('textbox', { name: 'Test number' })[0], '+33612345678');
    await user.click(screen.getByRole('button', { name: 'Send a test message (SMS)' }));
    await waitFor(() =>
      expect(screen.getByTestId('test-message-sms')).toHaveTextContent('The test message was sent.'),
    );
    expect(screen.getByTestId('test-message-sms')).toHaveTextContent('Test mode is on');
    expect(fake.calls('POST', '/sends')[0].body).toEqual({
      channel: 'sms',
      to: '+33612345678',
      template: { body: 'Test message from Cabinet des Lilas: your reminders are set up.' },
    });
  });

  it('asks before leaving with unsaved changes', async () => {
    const user = userEvent.setup();
    api();
    const router = renderPage();
    await user.click(await screen.findByRole('switch', { name: 'SMS for Contrôle' }));
    await act(() => router.navigate('/flows'));
    expect(await screen.findByText('Leave without saving?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/settings');
  });

  it('has an Integrations tab after Practice software, marked while its HL7 form is unsaved', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...directory,
      'GET /settings': [200, settings],
      'GET /api-keys': [200, []],
      'GET /settings/hl7': [200, { connection: null, listener: { port: null, tls: false }, messages: [] }],
    });
    renderPage();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.slice(-2).map((tab) => tab.textContent)).toEqual(['Practice software', 'Integrations']);
    await user.click(screen.getByRole('tab', { name: 'Integrations' }));
    const panel = screen.getByRole('tabpanel', { name: 'Integrations' });
    expect(within(panel).getByRole('region', { name: 'FHIR R4' })).toHaveTextContent('/api/fhir');
    await user.type(await within(panel).findByRole('textbox', { name: /Sending facility/ }), 'CAB');
    expect(screen.getByRole('tab', { name: 'Integrations (Unsaved changes)' })).toBeInTheDocument();
  });
});

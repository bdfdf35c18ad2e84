import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ServiceStatus } from '@clinicflow/contract';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ServiceStatusPanel } from './ServiceStatusPanel';

const channel = {
  enabled: true,
  provider: 'sandbox',
  lastSentAt: null,
  lastError: null,
  waiting: 0,
  sentToday: 0,
};
const status = (
  consent: ServiceStatus['consent'],
  eventsSetAside: ServiceStatus['eventsSetAside'] = { count: 0, items: [] },
): ServiceStatus => ({
  at: '2026-05-11T08:00:00.000Z',
  communicationsEnabled: true,
  testMode: false,
  waiting: 0,
  sentToday: 0,
  oldestDueAt: null,
  dispatcherLagSeconds: 0,
  channels: {
    sms: channel,
    email: channel,
    voice: { ...channel, enabled: false },
    whatsapp: { ...channel, enabled: false },
  },
  consent,
  eventsSetAside,
});

describe(ServiceStatusPanel.name, () => {
  it('shows an opt-in clinic how many patients have no consent on each channel', async () => {
    fakeApi({
      'GET /status': [
        200,
        status({
          mode: 'opt-in',
          patients: 40,
          withoutConsent: { sms: 12, email: 0, voice: 40, whatsapp: 7 },
        }),
      ],
    });
    renderWithProviders(<ServiceStatusPanel />);
    const consent = await screen.findByTestId('consent-status');
    expect(consent).toHaveTextContent('Patients without consent (40 patients)');
    expect(consent).toHaveTextContent('SMS: 12 without consent');
    expect(consent).toHaveTextContent('E-mail: 0 without consent');
    expect(consent).toHaveTextContent('Voice call: 40 without consent');
    expect(consent).toHaveTextContent('WhatsApp: 7 without consent');
  });

  it('lists the events set aside and processes one again on request', async () => {
    const setAside = {
      id: 'pms-evt-9',
      type: 'appointment.booked',
      receivedAt: '2026-05-11T05:00:00.000Z',
      attempts: 10,
      lastError: 'MongoServerError (code 121): message withheld from the log',
      setAsideAt: '2026-05-11T07:10:00.000Z',
    };
    const api = fakeApi({
      'GET /status': [
        200,
        status({ mode: 'opt-in', patients: 0, withoutConsent: null }, { count: 3, items: [setAside] }),
      ],
      'POST /events/pms-evt-9/process-again': [200, { id: 'pms-evt-9', status: 'pending' }],
    });
    renderWithProviders(<ServiceStatusPanel />);
    const list = await screen.findByTestId('events-set-aside');
    expect(list).toHaveTextContent('3 event(s) from the practice software set aside');
    expect(list).toHaveTextContent('appointment.booked');
    expect(list).toHaveTextContent('MongoServerError (code 121)');
    expect(list).toHaveTextContent('and 2 more');
    await userEvent.click(screen.getByRole('button', { name: 'Process again: pms-evt-9' }));
    await waitFor(() => expect(api.calls('POST', '/events/pms-evt-9/process-again')).toHaveLength(1));
  });

  it('shows no set-aside list when nothing is set aside', async () => {
    fakeApi({ 'GET /status': [200, status({ mode: 'opt-in', patients: 0, withoutConsent: null })] });
    renderWithProviders(<ServiceStatusPanel />);
    expect(await screen.findByTestId('service-status')).toBeInTheDocument();
    expect(screen.queryByTestId('events-set-aside')).not.toBeInTheDocument();
  });

  it('shows no consent counts to a clinic that sends to every patient with a valid contact', async () => {
    fakeApi({
      'GET /status': [200, status({ mode: 'all-with-valid-contact', patients: null, withoutConsent: null })],
    });
    renderWithProviders(<ServiceStatusPanel />);
    expect(await screen.findByTestId('service-status')).toBeInTheDocument();
    expect(screen.queryByTestId('consent-status')).not.toBeInTheDocument();
  });
});

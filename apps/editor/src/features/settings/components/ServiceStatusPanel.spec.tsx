import { screen } from '@testing-library/react';
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
const status = (consent: ServiceStatus['consent']): ServiceStatus => ({
  at: '2026-05-11T08:00:00.000Z',
  communicationsEnabled: true,
  testMode: false,
  waiting: 0,
  sentToday: 0,
  oldestDueAt: null,
  dispatcherLagSeconds: 0,
  channels: { sms: channel, email: channel, voice: { ...channel, enabled: false } },
  consent,
});

describe(ServiceStatusPanel.name, () => {
  it('shows an opt-in clinic how many patients have no consent on each channel', async () => {
    fakeApi({
      'GET /status': [
        200,
        status({ mode: 'opt-in', patients: 40, withoutConsent: { sms: 12, email: 0, voice: 40 } }),
      ],
    });
    renderWithProviders(<ServiceStatusPanel />);
    const consent = await screen.findByTestId('consent-status');
    expect(consent).toHaveTextContent('Patients without consent (40 patients)');
    expect(consent).toHaveTextContent('SMS: 12 without consent');
    expect(consent).toHaveTextContent('E-mail: 0 without consent');
    expect(consent).toHaveTextContent('Voice call: 40 without consent');
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

import { screen } from '@testing-library/react';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ClinicSettings } from '../api/settingsApi';
import { ChannelsSection } from './ChannelsSection';

/** The sections ChannelsSection edits; the rest of the settings plays no part here. */
const settings = {
  communicationsEnabled: true,
  channels: { sms: true, email: true, voice: false },
  channelToggles: { services: {}, resources: {} },
  consent: { mode: 'opt-in', purposes: ['reminders', 'recall', 'surveys'] },
  limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
  unreliable: { noShowRate: 0.3, minimumVisits: 3 },
  updatedAt: '2026-05-01T08:00:00.000Z',
} as unknown as ClinicSettings;

describe(ChannelsSection.name, () => {
  it('explains each consent mode and what consent covers in plain words', async () => {
    fakeApi({
      'GET /services?pageSize=100': [200, { items: [] }],
      'GET /resources?pageSize=100': [200, { items: [] }],
    });
    renderWithProviders(<ChannelsSection settings={settings} onDirtyChange={() => undefined} />);
    expect(
      await screen.findByRole('radio', { name: 'Only patients who agreed to receive messages' }),
    ).toBeChecked();
    expect(screen.getByText(/Only patients who said yes get messages on that channel/)).toBeInTheDocument();
    expect(screen.getByText(/except those who said no \(a STOP reply/)).toBeInTheDocument();
    expect(screen.getByText(/No message goes to any patient, whatever their consent/)).toBeInTheDocument();
    expect(
      screen.getByText(/recalls “Recalls”, thank-you messages “Satisfaction surveys”/),
    ).toBeInTheDocument();
  });
});

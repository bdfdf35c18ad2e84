import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ClinicSettings } from '../api/settingsApi';
import { ChannelsSection } from './ChannelsSection';

/** The sections ChannelsSection edits; the rest of the settings plays no part here. */
const settings = {
  communicationsEnabled: true,
  channels: { sms: true, email: true, voice: false, whatsapp: false },
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

  it('switches WhatsApp on for the whole clinic and saves it with the other channels', async () => {
    const api = fakeApi({
      'GET /services?pageSize=100': [200, { items: [] }],
      'GET /resources?pageSize=100': [200, { items: [] }],
      'PUT /settings': (body) => [200, { ...settings, ...(body as object) }],
    });
    renderWithProviders(<ChannelsSection settings={settings} onDirtyChange={() => undefined} />);
    const whatsapp = await screen.findByRole('switch', { name: 'WhatsApp' });
    expect(whatsapp).not.toBeChecked();
    await userEvent.click(whatsapp);
    await userEvent.click(screen.getByRole('button', { name: 'Save channels and consent' }));
    await screen.findByText(/saved/i);
    expect(api.calls('PUT', '/settings').map((call) => (call.body as ClinicSettings).channels)).toEqual([
      { sms: true, email: true, voice: false, whatsapp: true },
    ]);
  });

  it('saves one message per patient per day, off for settings saved before it', async () => {
    const api = fakeApi({
      'GET /services?pageSize=100': [200, { items: [] }],
      'GET /resources?pageSize=100': [200, { items: [] }],
      'PUT /settings': (body) => [200, { ...settings, ...(body as object) }],
    });
    renderWithProviders(<ChannelsSection settings={settings} onDirtyChange={() => undefined} />);
    // its name is its label and its hint (Mantine's Switch labels both)
    const merge = await screen.findByRole('switch', {
      name: /^Merge a patient’s reminders of the same day into one/,
    });
    expect(merge).not.toBeChecked();
    await userEvent.click(merge);
    await userEvent.click(screen.getByRole('button', { name: 'Save channels and consent' }));
    await screen.findByText(/saved/i);
    expect(api.calls('PUT', '/settings').map((call) => (call.body as ClinicSettings).limits)).toEqual([
      { minimumLeadTimeHours: 12, onePerPersonPerDay: true, mergeSameDayReminders: true },
    ]);
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ClinicSettings } from '../api/settingsApi';
import { QuietHoursSection } from './QuietHoursSection';

const night = { start: '21:00', end: '08:00' };
const lunch = { start: '12:00', end: '14:00' };
const settings = {
  clinicId: 'c1',
  timeZone: 'Europe/Paris',
  quietHours: { windows: [lunch, night], noSendWeekdays: [7], holidays: [] },
  updatedAt: '2026-05-01T08:00:00.000Z',
  updatedBy: 'system',
} as unknown as ClinicSettings;

describe(QuietHoursSection.name, () => {
  it('shows every pause on the week and saves the pauses of the day besides the night', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'PUT /settings': (body) => [200, { ...settings, ...(body as object) }],
      'GET /settings': [200, settings],
    });
    renderWithProviders(<QuietHoursSection settings={settings} onDirtyChange={() => undefined} />);
    // lunch and night are both quiet; the sending hours are read from the night
    expect(screen.getByTestId('hour-1-12')).toHaveAttribute('data-state', 'quiet');
    expect(screen.getByTestId('hour-1-14')).toHaveAttribute('data-state', 'allowed');
    expect(screen.getByTestId('hour-1-22')).toHaveAttribute('data-state', 'quiet');
    expect(screen.getByLabelText('Send from')).toHaveValue('08:00');
    const lunchRow = screen.getByRole('group', { name: 'Pause 12:00–14:00' });
    fireEvent.change(within(lunchRow).getByLabelText('Pause from'), { target: { value: '12:30' } });
    expect(screen.getByTestId('hour-1-12')).toHaveAttribute('data-state', 'allowed');

    await user.click(screen.getByRole('button', { name: 'Add a pause' }));
    const added = screen.getByRole('group', { name: 'Pause 12:00–14:00' });
    fireEvent.change(within(added).getByLabelText('Pause from'), { target: { value: '17:00' } });
    fireEvent.change(within(added).getByLabelText('Pause until'), { target: { value: '17:30' } });
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    expect(api.calls('PUT', '/settings')[0].body).toMatchObject({
      quietHours: {
        windows: [night, { start: '12:30', end: '14:00' }, { start: '17:00', end: '17:30' }],
        noSendWeekdays: [7],
        holidays: [],
      },
    });
  });

  it('removes a pause by its named button', async () => {
    const user = userEvent.setup();
    fakeApi({});
    renderWithProviders(<QuietHoursSection settings={settings} onDirtyChange={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Remove the pause 12:00–14:00' }));
    expect(screen.queryByRole('group', { name: 'Pause 12:00–14:00' })).not.toBeInTheDocument();
    expect(screen.getByTestId('hour-1-12')).toHaveAttribute('data-state', 'allowed');
    expect(screen.getByTestId('hour-1-22')).toHaveAttribute('data-state', 'quiet');
  });

  it("offers the country's public holidays and adds those ticked", async () => {
    const user = userEvent.setup();
    const year = new Date().getFullYear();
    const api = fakeApi({ 'PUT /settings': (body) => [200, { ...settings, ...(body as object) }] });
    const french = { ...settings, country: 'FR' } as ClinicSettings;
    renderWithProviders(<QuietHoursSection settings={french} onDirtyChange={() => undefined} />);
    const national = screen.getByRole('region', { name: 'National holidays' });
    const list = await within(national).findByRole('group', { name: `Public holidays of ${year}` });
    const days = within(list).getAllByRole('checkbox');
    expect(days).toHaveLength(11);
    expect(within(list).getByLabelText(/July 14 — Bastille Day$/)).toBeChecked();
    // named in the interface's language; Whit Monday stays open at this clinic
    await user.click(within(list).getByLabelText(/— Whit Monday$/));
    await user.click(within(national).getByRole('button', { name: 'Add 10 holiday(s)' }));
    expect(within(list).getByLabelText(/— New Year's Day \(already a holiday\)$/)).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    const saved = (api.calls('PUT', '/settings')[0].body as { quietHours: { holidays: string[] } })
      .quietHours;
    expect(saved.holidays).toHaveLength(10);
    expect(saved.holidays).toContain(`${year}-07-14`);
    expect(saved.holidays).toEqual([...saved.holidays].sort());
  });
});

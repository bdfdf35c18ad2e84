import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ClinicSettings } from '../api/settingsApi';
import { OperationsSection } from './OperationsSection';

/** The sections OperationsSection edits, and what its panels read; the rest plays no part here. */
const settings = {
  testMode: true,
  creditsScope: 'clinic',
  adminMobile: null,
  adminAlerts: { creditsBelow: null, providerFailuresInARow: 5 },
  retention: { months: 13 },
  credits: { balance: 40, byResource: {}, topUps: [] },
  timeZone: 'Europe/Paris',
  updatedAt: '2026-05-01T08:00:00.000Z',
  updatedBy: 'system',
} as unknown as ClinicSettings;

describe(OperationsSection.name, () => {
  it('saves the admin’s mobile and when the admin is alerted, and shows a number the API refuses', async () => {
    const refused = {
      statusCode: 400,
      message: 'Invalid request',
      errors: [{ path: 'body.adminMobile', message: 'The number is not a mobile number.' }],
    };
    const api = fakeApi({ 'GET /status': [500, {}], 'PUT /settings': [400, refused] });
    renderWithProviders(<OperationsSection settings={settings} onDirtyChange={() => undefined} />);
    expect(screen.getByText(/a provider failing several times in a row/)).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/Clinic admin’s mobile/), { target: { value: '01 42 68 53 00' } });
    const threshold = screen.getByLabelText(/Alert when SMS credits fall below/);
    await userEvent.type(threshold, '50');
    const failures = screen.getByLabelText(/provider failures in a row/);
    await userEvent.clear(failures);
    await userEvent.type(failures, '3');
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));

    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    expect(api.calls('PUT', '/settings')[0].body).toMatchObject({
      adminMobile: '01 42 68 53 00',
      adminAlerts: { creditsBelow: 50, providerFailuresInARow: 3 },
    });
    expect(await screen.findByText('The number is not a mobile number.')).toBeInTheDocument();
  });

  it('saves how long message texts are kept, and shows the API’s refusal on the field', async () => {
    const refused = {
      statusCode: 400,
      message: 'Invalid request',
      errors: [{ path: 'body.retention.months', message: 'Too small: expected number to be >=1' }],
    };
    const api = fakeApi({ 'GET /status': [500, {}], 'PUT /settings': [400, refused] });
    renderWithProviders(<OperationsSection settings={settings} onDirtyChange={() => undefined} />);
    const months = screen.getByLabelText(/Keep message texts for/);
    expect(months).toHaveValue('13');
    await userEvent.clear(months);
    await userEvent.type(months, '6');
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));

    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    expect(api.calls('PUT', '/settings')[0].body).toMatchObject({ retention: { months: 6 } });
    expect(await screen.findByText('Too small: expected number to be >=1')).toBeInTheDocument();
  });
});

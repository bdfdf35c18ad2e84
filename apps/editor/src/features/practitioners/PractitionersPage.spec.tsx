import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import PractitionersPage from './PractitionersPage';

const routes = {
  'GET /settings': [200, { timeZone: 'Europe/Paris', defaultLanguage: 'fr' }] as [number, unknown],
  'GET /resources?pageSize=100': [
    200,
    {
      items: [
        { id: 'res_martin', name: 'Dr Martin' },
        { id: 'res_dupont', name: 'Dr Dupont' },
      ],
      total: 2,
      page: 1,
      pageSize: 100,
    },
  ] as [number, unknown],
};
const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/);

describe('PractitionersPage', () => {
  it('declares a practitioner late and says how many appointments were reached', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...routes,
      'POST /resources/res_martin/delays': [
        202,
        { accepted: true, duplicate: false, flows: 1, appointments: 3 },
      ],
    });
    renderWithProviders(<PractitionersPage />);
    const table = await screen.findByRole('table', { name: 'The clinic’s practitioners' });
    await waitFor(() =>
      expect(within(table).getByRole('button', { name: 'Running late: Dr Martin' })).toBeEnabled(),
    );
    await user.click(within(table).getByRole('button', { name: 'Running late: Dr Martin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dr Martin is running late' });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
    const minutes = within(dialog).getByRole('textbox', { name: 'Minutes late' });
    await user.clear(minutes);
    await user.type(minutes, '40');
    await user.click(within(dialog).getByRole('button', { name: 'Tell the patients' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Dr Martin is running late');
    expect(status).toHaveTextContent('3 appointments reached: their patients are told.');
    expect(api.calls('POST', '/resources/res_martin/delays').map((r) => r.body)).toEqual([
      { requestId: uuid, minutes: 40 },
    ]);
  });

  it('declares an absence over several days from the keyboard', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...routes,
      'POST /resources/res_dupont/absences': [
        202,
        { accepted: true, duplicate: false, flows: 1, appointments: 7 },
      ],
    });
    renderWithProviders(<PractitionersPage />);
    const absent = await screen.findByRole('button', { name: 'Absent: Dr Dupont' });
    await waitFor(() => expect(absent).toBeEnabled());
    absent.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Dr Dupont is absent' });
    const first = within(dialog).getByLabelText(/^First day/);
    await waitFor(() => expect(first).toHaveFocus());
    const last = within(dialog).getByLabelText(/^Last day/);
    await user.clear(first);
    await user.type(first, '2099-01-05');
    await user.clear(last);
    await user.type(last, '2099-01-04');
    expect(within(dialog).getByText('The last day cannot be before the first')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Tell the patients' })).toBeDisabled();
    await user.clear(last);
    await user.type(last, '2099-01-07{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('7 appointments reached');
    expect(api.calls('POST', '/resources/res_dupont/absences').map((r) => r.body)).toEqual([
      { requestId: uuid, absence: { from: '2099-01-05', to: '2099-01-07' } },
    ]);
  });

  it('says when no flow tells the patients, and shows the API’s refusal naming the field', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...routes,
      'POST /resources/res_martin/delays': [
        202,
        { accepted: true, duplicate: false, flows: 0, appointments: 0 },
      ],
      'POST /resources/res_martin/absences': [
        400,
        {
          statusCode: 400,
          message: 'Invalid request',
          errors: [{ path: 'body.absence.to', message: 'the absence is over' }],
        },
      ],
    });
    renderWithProviders(<PractitionersPage />);
    const late = await screen.findByRole('button', { name: 'Running late: Dr Martin' });
    await waitFor(() => expect(late).toBeEnabled());
    await user.click(late);
    await user.click(await screen.findByRole('button', { name: 'Tell the patients' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/nobody was told/);

    await user.click(screen.getByRole('button', { name: 'Absent: Dr Martin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dr Martin is absent' });
    await user.click(within(dialog).getByRole('button', { name: 'Tell the patients' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'body.absence.to: the absence is over',
    );
  });
});

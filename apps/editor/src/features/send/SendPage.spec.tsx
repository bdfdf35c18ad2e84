import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import SendPage from './SendPage';

const preview: [number, unknown] = [
  200,
  { text: 'x', subject: null, encoding: 'GSM-7', characters: 27, segments: 1, credits: 1, errors: [] },
];
const settings: [number, unknown] = [200, { timeZone: 'Europe/Paris', country: 'FR', defaultLanguage: 'fr' }];
const lea = { id: 'p1', firstName: 'Léa', lastName: 'Martin', mobile: '+33612345678' };
const hugo = { id: 'p2', firstName: 'Hugo', lastName: 'Dupont', mobile: '+33698765432' };

/** `GET /api/patients?…`: the API's search (name or mobile), with how many match in all. */
const patientSearch = (_body: unknown, url: string): [number, unknown] => {
  const q = new URLSearchParams(url.split('?')[1]).get('q')?.toLowerCase() ?? '';
  const items = [lea, hugo].filter((p) =>
    `${p.firstName} ${p.lastName} ${p.mobile}`.toLowerCase().includes(q),
  );
  return [200, { items, total: q ? items.length : 2345, page: 1, pageSize: 20 }];
};

describe('SendPage', () => {
  it('sends one SMS now to a patient of the clinic and says it was accepted', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /settings': settings,
      'GET /patients?*': patientSearch,
      'POST /messages/preview': preview,
      'POST /sends': [
        201,
        {
          id: 'd1',
          status: 'scheduled',
          sendAt: '2020-01-01T00:00:00Z',
          recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
        },
      ],
    });
    renderWithProviders(<SendPage />);
    const send = screen.getByRole('button', { name: 'Send now' });
    expect(send).toBeDisabled();
    await user.click(screen.getByRole('combobox', { name: 'Patient' }));
    await user.click(await screen.findByRole('option', { name: /^Léa Martin/, hidden: true }));
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'Le cabinet ferme lundi.');
    expect(await screen.findByTestId('sms-counter')).toHaveTextContent('27 characters');
    await user.click(send);
    expect(await screen.findByRole('status')).toHaveTextContent('Message to Léa Martin accepted (waiting)');
    expect(api.calls('POST', '/sends')[0].body).toEqual({
      channel: 'sms',
      patientId: 'p1',
      template: { body: 'Le cabinet ferme lundi.' },
    });
  });

  it('searches the patients on the server as one types, beyond the first page', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'GET /settings': settings, 'GET /patients?*': patientSearch });
    renderWithProviders(<SendPage />);
    const picker = screen.getByRole('combobox', { name: 'Patient' });
    await user.click(picker);
    expect(
      await screen.findByText('The first 2 of 2345 patients: type more to narrow down'),
    ).toBeInTheDocument();
    await user.type(picker, 'dupo');
    expect(await screen.findByRole('option', { name: /^Hugo Dupont/, hidden: true })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('option', { name: /^Léa Martin/, hidden: true })).not.toBeInTheDocument(),
    );
    // one request for what was typed once typing paused, not one per key
    await waitFor(() =>
      expect(api.requests.filter((r) => r.path.startsWith('/patients')).map((r) => r.path)).toEqual([
        '/patients?pageSize=20',
        '/patients?pageSize=20&q=dupo',
      ]),
    );
  });

  it('sends later, at a date and time of the clinic’s zone, as an instant', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /settings': settings,
      'GET /patients?*': patientSearch,
      'POST /messages/preview': preview,
      'POST /sends': (body) => [
        201,
        {
          id: 'd2',
          status: 'scheduled',
          sendAt: (body as { sendAt: string }).sendAt,
          recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
        },
      ],
    });
    renderWithProviders(<SendPage />);
    await user.click(screen.getByRole('combobox', { name: 'Patient' }));
    await user.click(await screen.findByRole('option', { name: /^Léa Martin/, hidden: true }));
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'Rappel');
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Later' })).toBeEnabled());
    await user.click(screen.getByRole('radio', { name: 'Later' }));
    const at = screen.getByLabelText(/^Send on \(Europe\/Paris\)/);
    await user.clear(at);
    await user.type(at, '2020-04-02T10:00');
    expect(screen.getByText('Choose a moment still to come')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Schedule' })).toBeDisabled();
    await user.clear(at);
    await user.type(at, '2030-04-02T10:00');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Message to Léa Martin planned for 02/04/2030, 10:00 (waiting)',
    );
    expect(api.calls('POST', '/sends')[0].body).toMatchObject({
      patientId: 'p1',
      sendAt: '2030-04-02T08:00:00Z',
    });
  });

  it('sends an e-mail to another address and shows the refusal naming the field', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /settings': settings,
      'GET /patients?*': patientSearch,
      'POST /messages/preview': preview,
      'POST /sends': [
        400,
        {
          statusCode: 400,
          message: 'Validation failed',
          errors: [{ path: 'body.to', message: 'not an e-mail address' }],
        },
      ],
    });
    renderWithProviders(<SendPage />);
    await user.click(screen.getByRole('radio', { name: 'E-mail' }));
    await user.click(screen.getByRole('radio', { name: 'Another number or address' }));
    await user.type(screen.getByRole('textbox', { name: 'E-mail address' }), 'nobody');
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Fermeture');
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'Fermé lundi.');
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('body.to: not an e-mail address');
    await waitFor(() =>
      expect(api.calls('POST', '/sends')[0].body).toEqual({
        channel: 'email',
        to: 'nobody',
        template: { body: 'Fermé lundi.', subject: 'Fermeture' },
      }),
    );
    expect(within(screen.getByRole('alert')).queryByText(/sendAt/)).not.toBeInTheDocument();
  });
});

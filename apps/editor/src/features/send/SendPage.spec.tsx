import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import SendPage from './SendPage';

const preview: [number, unknown] = [
  200,
  { text: 'x', subject: null, encoding: 'GSM-7', characters: 27, segments: 1, credits: 1, errors: [] },
];

describe('SendPage', () => {
  it('sends one SMS to a patient of the clinic and says it was accepted', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /patients?pageSize=100': [
        200,
        { items: [{ id: 'p1', firstName: 'Léa', lastName: 'Martin', mobile: '+33612345678' }] },
      ],
      'POST /messages/preview': preview,
      'POST /sends': [
        201,
        {
          id: 'd1',
          status: 'scheduled',
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
    expect(await screen.findByRole('status')).toHaveTextContent('Message to Léa Martin accepted (scheduled)');
    expect(api.calls('POST', '/sends')[0].body).toEqual({
      channel: 'sms',
      patientId: 'p1',
      template: { body: 'Le cabinet ferme lundi.' },
    });
  });

  it('sends an e-mail to another address and shows the refusal naming the field', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /patients?pageSize=100': [200, { items: [] }],
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
  });
});

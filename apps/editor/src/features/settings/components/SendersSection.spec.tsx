import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ClinicSettings } from '../api/settingsApi';
import { SendersSection } from './SendersSection';

const sandbox = { kind: 'sandbox', options: {}, credentials: {} };
/** The sections SendersSection edits, and what its cards read; the rest plays no part here. */
const settings = {
  clinicId: 'cli_1',
  name: 'Cabinet des Lilas',
  testMode: true,
  senders: {
    smsSenderName: 'CabLilas',
    emailFromName: null,
    emailFromAddress: null,
    voiceCallerNumber: null,
  },
  adminEmail: null,
  providers: {
    sms: sandbox,
    email: {
      kind: 'smtp',
      options: { host: 'smtp.example', defaultFrom: 'rdv@lilas.example' },
      credentials: {},
    },
    voice: sandbox,
    whatsapp: sandbox,
  },
  updatedAt: '2026-05-01T08:00:00.000Z',
  updatedBy: 'system',
} as unknown as ClinicSettings;

describe(SendersSection.name, () => {
  it('says why the number for replies is needed, saves it, and shows a number the API refuses', async () => {
    const refused = {
      statusCode: 400,
      message: 'Invalid request',
      errors: [
        { path: 'body.senders.smsReplyNumber', message: '"+33700000000" is not a valid phone number.' },
      ],
    };
    const api = fakeApi({ 'PUT /settings': [400, refused] });
    renderWithProviders(<SendersSection settings={settings} onDirtyChange={() => undefined} />);
    expect(screen.getByText(/Patients cannot reply to a sender name such as “CabLilas”/)).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/Number for replies/), { target: { value: '+33700000000' } });
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));

    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    expect(api.calls('PUT', '/settings')[0].body).toMatchObject({
      senders: { smsSenderName: 'CabLilas', smsReplyNumber: '+33700000000' },
    });
    expect(await screen.findByText('"+33700000000" is not a valid phone number.')).toBeInTheDocument();
  });

  it('sets WhatsApp up through Twilio, asking for the clinic’s WhatsApp number, and saves it', async () => {
    // jsdom lays nothing out: the select's list scrolls to its option as a browser would, here doing nothing
    Element.prototype.scrollIntoView = jest.fn();
    const user = userEvent.setup();
    const api = fakeApi({ 'PUT /settings': [200, settings] });
    renderWithProviders(<SendersSection settings={settings} onDirtyChange={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'WhatsApp' })).toBeInTheDocument();

    const kind = screen.getByRole('combobox', { name: 'Provider (WhatsApp)' });
    await user.click(kind);
    const list = document.getElementById(kind.getAttribute('aria-controls')!)!;
    const kinds = within(list).getAllByRole('option', { hidden: true });
    expect(kinds.map((option) => option.textContent)).toEqual(['Sandbox (nothing leaves)', 'Twilio']);
    await user.click(within(list).getByRole('option', { name: 'Twilio', hidden: true }));
    const number = await screen.findByRole('textbox', { name: 'WhatsApp number' });
    expect(number).toHaveAccessibleDescription(
      'The clinic’s WhatsApp number, in international format (+14155238886).',
    );
    await user.type(screen.getByRole('textbox', { name: 'Account id' }), 'AC123');
    await user.type(number, '+14155238886');
    await user.type(screen.getByLabelText('Secret token'), 'tw-secret');
    await user.click(screen.getByRole('button', { name: /Save/ }));

    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    const sent = api.calls('PUT', '/settings')[0].body as { providers: Record<string, unknown> };
    expect(Object.keys(sent.providers)).toEqual(['whatsapp']);
    expect(sent.providers.whatsapp).toEqual({
      kind: 'twilio',
      options: { accountSid: 'AC123', defaultFrom: '+14155238886' },
      credentials: { authToken: 'tw-secret' },
      ratePerSecond: null,
    });
  });

  it('requires TLS of an SMTP server unless the manager unticks it, and saves that choice', async () => {
    const api = fakeApi({ 'PUT /settings': [200, settings] });
    renderWithProviders(<SendersSection settings={settings} onDirtyChange={() => undefined} />);
    const requireTls = screen.getByRole('checkbox', { name: /Require TLS \(STARTTLS\)/ });
    expect(requireTls).toBeChecked();

    await userEvent.click(requireTls);
    expect(requireTls).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));

    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    expect(api.calls('PUT', '/settings')[0].body).toMatchObject({
      providers: {
        email: {
          kind: 'smtp',
          options: { host: 'smtp.example', defaultFrom: 'rdv@lilas.example', requireTLS: false },
        },
      },
    });
  });

  it('shows each provider’s default rate, saves the rate typed, and shows a rate the API refuses', async () => {
    const refused = {
      statusCode: 400,
      message: 'Invalid request',
      errors: [
        {
          path: 'body.providers.email.ratePerSecond',
          message: 'must be a number of messages per second from 0.01 to 1000',
        },
      ],
    };
    const api = fakeApi({ 'PUT /settings': [400, refused] });
    renderWithProviders(<SendersSection settings={settings} onDirtyChange={() => undefined} />);
    // a sandbox (SMS, voice, WhatsApp) has no limit; an SMTP server 10 a second
    expect(screen.getAllByPlaceholderText('No limit (default)')).toHaveLength(3);
    const smtpRate = screen.getByPlaceholderText('10 (default)');
    expect(smtpRate).toHaveAccessibleName(/Messages per second/);

    await userEvent.type(smtpRate, '2.5');
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));

    await waitFor(() => expect(api.calls('PUT', '/settings')).toHaveLength(1));
    expect(api.calls('PUT', '/settings')[0].body).toMatchObject({
      providers: { email: { kind: 'smtp', ratePerSecond: 2.5 } },
    });
    expect(
      await screen.findByText('must be a number of messages per second from 0.01 to 1000'),
    ).toBeInTheDocument();
  });

  it('asks an SMTP provider for the inbound e-mail secret, telling where replies are posted', () => {
    fakeApi({});
    renderWithProviders(<SendersSection settings={settings} onDirtyChange={() => undefined} />);
    expect(screen.getByLabelText(/Replies go to \(Reply-To\)/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Inbound e-mail secret/)).toBeInTheDocument();
    expect(
      screen.getByText(/posts patients’ replies to \/api\/providers\/cli_1\/smtp\/inbound/),
    ).toBeInTheDocument();
  });
});

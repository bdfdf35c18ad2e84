import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import TemplatesPage from './TemplatesPage';

const saved = {
  id: 't1',
  name: 'Rappel 24 h',
  channel: 'sms',
  purpose: 'reminders',
  variants: { fr: { body: 'Bonjour {{patient.firstName}}' } },
  updatedAt: '2026-03-20T10:00:00Z',
  updatedBy: 'm@x',
};

/** The preview answer as the API computes it: GSM-7 160/153, UCS-2 70/67 (a stand-in for the real counter). */
function previewOf(body: { template: { body: string } }): [number, unknown] {
  const text = body.template.body.replace('{{patient.firstName}}', 'Léa');
  const unicode = /[^\x20-\x7e\u00e9\u00e8\u00e0\n]/.test(text);
  const single = unicode ? 70 : 160;
  const multi = unicode ? 67 : 153;
  const segments = text.length <= single ? 1 : Math.ceil(text.length / multi);
  return [
    200,
    {
      text,
      subject: null,
      encoding: unicode ? 'UCS-2' : 'GSM-7',
      characters: text.length,
      segments,
      credits: segments,
      errors: [],
    },
  ];
}

describe('TemplatesPage', () => {
  it('previews the text for the sample patient and counts characters, segments and credits while typing', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /templates?pageSize=100': [200, { items: [saved], total: 1 }],
      'POST /messages/preview': (body) => previewOf(body as { template: { body: string } }),
    });
    renderWithProviders(<TemplatesPage />);
    await user.click(await screen.findByRole('button', { name: /Rappel 24 h/ }));
    expect(await screen.findByTestId('template-preview')).toHaveTextContent('Bonjour Léa');
    const counter = screen.getByTestId('sms-counter');
    expect(counter).toHaveTextContent('11 characters');
    expect(counter).toHaveTextContent('1 SMS (160 characters each)');

    const text = screen.getByRole('textbox', { name: 'Text' });
    await user.click(text);
    await user.paste(` ${'x'.repeat(150)}`);
    await user.type(text, 'xxxxxxxxxx');
    await waitFor(() =>
      expect(screen.getByTestId('sms-counter')).toHaveTextContent('2 SMS (153 characters each)'),
    );
    expect(screen.getByTestId('sms-counter')).toHaveTextContent('2 credit(s) per patient');
    const last = api.calls('POST', '/messages/preview').at(-1)!.body as Record<string, unknown>;
    expect(last).toMatchObject({ channel: 'sms', language: 'fr' });
    // ten keystrokes in a row asked for a preview once or twice, not ten times
    expect(api.calls('POST', '/messages/preview').length).toBeLessThan(5);
  });

  it('inserts a variable from the catalogue and checks the sender override rule', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /templates?pageSize=100': [200, { items: [], total: 0 }],
      'POST /messages/preview': (body) => previewOf(body as { template: { body: string } }),
    });
    renderWithProviders(<TemplatesPage />);
    await user.click(screen.getByRole('button', { name: 'New template' }));
    const picker = screen.getByRole('combobox', { name: 'Insert a variable' });
    await user.click(picker);
    await user.type(picker, 'patient.firstName');
    await user.click(await screen.findByRole('option', { name: /^patient\.firstName — /, hidden: true }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue('{{patient.firstName}}');

    const sender = screen.getByRole('textbox', { name: 'SMS sender for this template' });
    await user.type(sender, 'Cabinet des Lilas');
    expect(
      await screen.findByText('At most 11 letters, digits or spaces, or a phone number'),
    ).toBeInTheDocument();
    await user.clear(sender);
    await user.type(sender, 'CabLilas');
    expect(
      screen.queryByText('At most 11 letters, digits or spaces, or a phone number'),
    ).not.toBeInTheDocument();
  });

  it('saves a new template and shows the API’s refusal naming the field', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /templates?pageSize=100': [200, { items: [], total: 0 }],
      'POST /messages/preview': (body) => previewOf(body as { template: { body: string } }),
      'POST /templates': (body) =>
        (body as { variants: { fr?: { body: string } } }).variants.fr?.body.includes('{{nope}}')
          ? [
              400,
              {
                statusCode: 400,
                message: 'Validation failed',
                errors: [{ path: 'variants.fr.body', message: 'unknown variable nope' }],
              },
            ]
          : [201, { ...saved, ...(body as object), id: 't2' }],
    });
    renderWithProviders(<TemplatesPage />);
    await user.click(screen.getByRole('button', { name: 'New template' }));
    const text = screen.getByRole('textbox', { name: 'Text' });
    await user.type(text, 'Hello {{{{nope}}');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('variants.fr.body: unknown variable nope')).toBeInTheDocument();
    await user.clear(text);
    await user.type(text, 'Hello');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    const created = api.calls('POST', '/templates').at(-1)!.body as Record<string, unknown>;
    expect(created).toMatchObject({ channel: 'sms', variants: { fr: { body: 'Hello' } } });
    expect(created.sender).toBeUndefined();
  });

  describe('a WhatsApp template', () => {
    const contentSid = `HX${'0123456789abcdef'.repeat(2)}`;

    /** The template editor on a new WhatsApp template with its French text written. */
    async function newWhatsappTemplate(routes: Parameters<typeof fakeApi>[0]) {
      const user = userEvent.setup();
      const api = fakeApi({
        'GET /templates?pageSize=100': [200, { items: [], total: 0 }],
        'POST /messages/preview': (body) => previewOf(body as { template: { body: string } }),
        ...routes,
      });
      renderWithProviders(<TemplatesPage />);
      await user.click(screen.getByRole('button', { name: 'New template' }));
      await user.click(screen.getByRole('radio', { name: 'WhatsApp' }));
      await user.type(screen.getByRole('textbox', { name: 'Text' }), 'Bonjour');
      return { user, api };
    }

    it('sends the approved template of a language with the values of its variables', async () => {
      const { user, api } = await newWhatsappTemplate({
        'POST /templates': (body) => [201, { ...saved, ...(body as object), id: 't2' }],
      });
      const approved = screen.getByRole('group', { name: 'Approved WhatsApp template' });
      expect(approved).toHaveTextContent(
        'Sent instead of the text when the patient has not written to you on WhatsApp in the last 24 hours.',
      );
      await user.type(screen.getByRole('textbox', { name: 'Content SID' }), ` ${contentSid} `);
      await user.click(screen.getByRole('button', { name: 'Add a value' }));
      await user.click(screen.getByRole('button', { name: 'Add a value' }));
      await user.click(screen.getByRole('button', { name: 'Add a value' }));
      await user.type(screen.getByRole('textbox', { name: 'Value of {{1}}' }), '{{{{patient.firstName}}');
      await user.type(screen.getByRole('textbox', { name: 'Value of {{2}}' }), 'demain');
      await user.click(screen.getByRole('button', { name: 'Remove the value of {{3}}' }));
      expect(screen.queryByRole('textbox', { name: 'Value of {{3}}' })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save template' }));

      expect(await screen.findByText('Saved')).toBeInTheDocument();
      const created = api.calls('POST', '/templates').at(-1)!.body as Record<string, unknown>;
      expect(created).toMatchObject({
        channel: 'whatsapp',
        variants: {
          fr: { body: 'Bonjour', whatsapp: { contentSid, variables: ['{{patient.firstName}}', 'demain'] } },
        },
      });
    });

    it('sends no approved template when its Content SID is empty, nor once the template is an SMS', async () => {
      const { user, api } = await newWhatsappTemplate({
        'POST /templates': (body) => [201, { ...saved, ...(body as object), id: 't2' }],
        'PUT /templates/t2': (body) => [
          200,
          { ...saved, ...(body as object), id: 't2', updatedAt: '2026-03-21T10:00:00Z' },
        ],
      });
      // values typed but no Content SID: nothing to send instead of the text
      await user.click(screen.getByRole('button', { name: 'Add a value' }));
      await user.type(screen.getByRole('textbox', { name: 'Value of {{1}}' }), 'demain');
      await user.click(screen.getByRole('button', { name: 'Save template' }));
      expect(await screen.findByText('Saved')).toBeInTheDocument();
      const created = api.calls('POST', '/templates').at(-1)!.body as {
        variants: Record<string, object>;
      };
      expect(created.variants).toEqual({ fr: { body: 'Bonjour' } });

      // a Content SID typed, then the template made an SMS: the API would refuse the approved template
      await user.type(screen.getByRole('textbox', { name: 'Content SID' }), contentSid);
      await user.click(screen.getByRole('radio', { name: 'SMS' }));
      expect(screen.queryByRole('group', { name: 'Approved WhatsApp template' })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save template' }));
      await waitFor(() => expect(api.calls('PUT', '/templates/t2')).toHaveLength(1));
      const replaced = api.calls('PUT', '/templates/t2')[0].body as { channel: string; variants: object };
      expect(replaced).toMatchObject({ channel: 'sms', variants: { fr: { body: 'Bonjour' } } });
      expect(replaced.variants).toEqual({ fr: { body: 'Bonjour' } });
    });

    it('shows the API’s refusal of a Content SID or a value on that field', async () => {
      const { user } = await newWhatsappTemplate({
        'POST /templates': [
          400,
          {
            statusCode: 400,
            message: 'Validation failed',
            errors: [
              {
                path: 'body.variants.fr.whatsapp.contentSid',
                message: 'must be a Content SID such as HX followed by 32 hex digits',
              },
              { path: 'body.variants.fr.whatsapp.variables.0', message: 'unknown variable nope' },
            ],
          },
        ],
      });
      await user.type(screen.getByRole('textbox', { name: 'Content SID' }), 'HX123');
      await user.click(screen.getByRole('button', { name: 'Add a value' }));
      await user.type(screen.getByRole('textbox', { name: 'Value of {{1}}' }), '{{{{nope}}');
      await user.click(screen.getByRole('button', { name: 'Save template' }));

      await waitFor(() =>
        expect(screen.getByRole('textbox', { name: 'Content SID' })).toHaveAccessibleDescription(
          expect.stringContaining('must be a Content SID such as HX followed by 32 hex digits'),
        ),
      );
      expect(screen.getByRole('textbox', { name: 'Content SID' })).toBeInvalid();
      expect(screen.getByRole('textbox', { name: 'Value of {{1}}' })).toHaveAccessibleDescription(
        'unknown variable nope',
      );
    });
  });
});

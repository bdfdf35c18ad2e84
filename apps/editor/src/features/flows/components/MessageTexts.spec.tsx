import { measureSms } from '@clinicflow/channels/browser';
import type { Flow, FlowNode } from '@clinicflow/rules';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { link, step } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';

const flowWith = (...steps: FlowNode[]): Flow => {
  const nodes = [step('trigger', 't'), ...steps];
  return { name: 'Test', nodes, edges: nodes.slice(1).map((node, i) => link(nodes[i].id, node.id)) };
};
const stored = (saved: { flow: Flow | null }, id: string) => saved.flow?.nodes.find((node) => node.id === id);

/** `POST /messages/preview` for the sample patient Léa, counted by the library the API counts with. */
function preview(body: unknown): [number, unknown] {
  const text = (body as { template: { body: string } }).template.body.replace('{{patient.firstName}}', 'Léa');
  const size = measureSms(text);
  return [200, { text, subject: null, ...size, parts: undefined, errors: [] }];
}

// 105 characters, one "ô": two SMS in Unicode, one once it is an "o"
const booking =
  'Bonjour {{patient.firstName}}, votre RDV est confirmé. Le cabinet est à côté de la gare. A bientôt !';

describe('the message step as the template editor', () => {
  const openStep = async (user: ReturnType<typeof userEvent.setup>, summary: RegExp) => {
    await user.click(within(screen.getByRole('list', { name: 'Flow outline' })).getByText(summary));
    return screen.getByRole('region', { name: 'Step settings' });
  };

  it('previews the SMS for the sample patient, flags the "ô" that makes it 2 SMS and replaces it', async () => {
    const user = userEvent.setup();
    fakeApi({ 'POST /messages/preview': preview });
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await openStep(user, /^SMS to patient/);
    await user.click(within(form).getByLabelText('Text (French)'));
    await user.paste(booking);
    expect(await within(form).findByTestId('template-preview')).toHaveTextContent('Bonjour Léa, votre RDV');
    await waitFor(() => expect(within(form).getByTestId('sms-counter')).toHaveTextContent('2 SMS'));
    const flagged = within(form).getByTestId('unicode-characters');
    expect(within(flagged).getByLabelText('character ô')).toBeInTheDocument();
    expect(
      within(form)
        .getAllByTestId('unicode-character')
        .map((mark) => mark.textContent),
    ).toEqual(['ô', 'ô']);
    expect(flagged).toHaveTextContent('2 SMS → 1 SMS for the sample patient');

    await user.click(within(flagged).getByRole('button', { name: 'Replace with GSM equivalents' }));
    expect(within(form).getByLabelText('Text (French)')).toHaveValue(booking.replaceAll('ô', 'o'));
    await waitFor(() => expect(within(form).getByTestId('sms-counter')).toHaveTextContent('1 SMS'));
    expect(within(form).queryByTestId('unicode-characters')).not.toBeInTheDocument();
    expect(stored(saved, 's')?.data).toMatchObject({
      template: { byLanguage: { fr: { body: booking.replaceAll('ô', 'o') } } },
    });
  });

  it('inserts a variable at the cursor and flags an unknown one under the text', async () => {
    const user = userEvent.setup();
    fakeApi({ 'POST /messages/preview': preview });
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await openStep(user, /^SMS to patient/);
    const text = within(form).getByLabelText<HTMLTextAreaElement>('Text (French)');
    await user.type(text, 'Bonjour  !');
    text.setSelectionRange(8, 8);
    const picker = within(form).getByRole('combobox', { name: 'Insert a variable' });
    await user.click(picker);
    await user.type(picker, 'patient.firstName');
    await user.click(await screen.findByRole('option', { name: /^patient\.firstName — /, hidden: true }));
    expect(text).toHaveValue('Bonjour {{patient.firstName}} !');

    await user.clear(text);
    await user.click(text);
    await user.paste('Bonjour {{patient.fistName}}');
    expect(
      await within(form).findByText(/\{\{patient\.fistName\}\} is not a variable these messages know/),
    ).toBeInTheDocument();
    expect(stored(saved, 's')?.data).toMatchObject({
      template: { byLanguage: { fr: { body: 'Bonjour {{patient.fistName}}' } } },
    });
  });

  it('writes a WhatsApp message’s approved template per language, refuses a wrong Content SID and removes it emptied', async () => {
    const user = userEvent.setup();
    fakeApi({ 'POST /messages/preview': preview });
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await openStep(user, /^SMS to patient/);
    expect(within(form).queryAllByTestId('whatsapp-template')).toHaveLength(0);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Channel' }), 'whatsapp');
    await user.type(within(form).getByLabelText('Text (French)'), 'Bonjour');
    // every language's tab has its template; the French one is shown
    const approved = await within(within(form).getByRole('tabpanel')).findByTestId('whatsapp-template');
    const sid = within(approved).getByRole('textbox', { name: /^Content SID/ });
    await user.type(sid, 'HX12');
    expect(await within(approved).findByText(/must be a Content SID/)).toBeInTheDocument();
    expect(stored(saved, 's')?.data).toMatchObject({ channel: 'whatsapp' });
    expect(stored(saved, 's')?.data).not.toHaveProperty('template.byLanguage.fr.whatsapp');

    const full = 'HX0123456789abcdef0123456789abcdef';
    await user.clear(sid);
    await user.click(sid);
    await user.paste(full);
    await user.click(within(approved).getByRole('button', { name: 'Add a value' }));
    await user.type(within(approved).getByRole('textbox', { name: 'Value of {{1}}' }), 'Léa');
    await waitFor(() =>
      expect(stored(saved, 's')?.data).toMatchObject({
        template: {
          byLanguage: { fr: { body: 'Bonjour', whatsapp: { contentSid: full, variables: ['Léa'] } } },
        },
      }),
    );

    await user.click(within(approved).getByRole('button', { name: /Remove the value of \{\{1\}\}/ }));
    await user.clear(sid);
    await waitFor(() =>
      expect(stored(saved, 's')?.data).not.toHaveProperty('template.byLanguage.fr.whatsapp'),
    );
    expect(within(approved).queryByText(/must be a Content SID/)).not.toBeInTheDocument();
    // on another channel the step keeps no WhatsApp template
    await user.click(sid);
    await user.paste(full);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Channel' }), 'sms');
    await waitFor(() => expect(stored(saved, 's')?.data).toMatchObject({ channel: 'sms' }));
    expect(stored(saved, 's')?.data).not.toHaveProperty('template.byLanguage.fr.whatsapp');
    expect(within(form).queryAllByTestId('whatsapp-template')).toHaveLength(0);
  });

  it('saves the texts as a reusable template of the clinic', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /messages/preview': preview,
      'POST /templates': (body) => [201, { ...(body as object), id: 'tpl_1' }],
    });
    renderFlowEditor(flowWith(step('send', 's')));
    const form = await openStep(user, /^SMS to patient/);
    await user.type(within(form).getByLabelText('Text (French)'), 'Bonjour');
    await user.click(within(form).getByRole('tab', { name: 'EN — English' }));
    await user.type(within(form).getByLabelText('Text (English)'), 'Hello');
    await user.click(within(form).getByRole('button', { name: 'Save as a reusable template…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this message as a template' });
    const name = within(dialog).getByLabelText('Template name');
    await user.clear(name);
    await user.type(name, 'Confirmation de RDV');
    await user.click(within(dialog).getByRole('button', { name: 'Save the template' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Saved as the template “Confirmation de RDV”',
    );
    expect(api.calls('POST', '/templates')[0].body).toEqual({
      name: 'Confirmation de RDV',
      channel: 'sms',
      purpose: 'reminders',
      variants: { fr: { body: 'Bonjour' }, en: { body: 'Hello' } },
    });
  });
});

describe('a message step on the canvas', () => {
  it('flags an unknown variable on its card', () => {
    const sms = step('send', 's');
    const flow = flowWith({
      ...sms,
      data: { ...sms.data, template: { byLanguage: { fr: { body: 'Bonjour {{patient.fistName}}' } } } },
    } as FlowNode);
    renderFlowEditor(flow, 'canvas');
    const card = screen.getByTestId('step-s');
    expect(within(card).getByText('1 to fix')).toBeInTheDocument();
    expect(
      within(card).getByText(/uses \{\{patient\.fistName\}\}, which .* do not have/),
    ).toBeInTheDocument();
  });
});

describe('the question step’s replies', () => {
  it('shows the words of each branch in the clinic’s languages, edits them and tries a reply', async () => {
    const user = userEvent.setup();
    fakeApi({ 'GET /settings': [200, { defaultLanguage: 'fr' }], 'POST /messages/preview': preview });
    const { saved } = renderFlowEditor(flowWith(step('ask', 'q')));
    await user.click(within(screen.getByRole('list', { name: 'Flow outline' })).getAllByText(/SMS/)[0]);
    const form = screen.getByRole('region', { name: 'Step settings' });
    const replies = within(form).getByRole('region', { name: 'Replies this question understands' });
    await waitFor(() =>
      expect(within(replies).getByTestId('reply-words-confirm')).toHaveTextContent(
        'French: C, OUI, OK, CONFIRMER, CONFIRME',
      ),
    );
    expect(within(replies).getByTestId('reply-words-decline')).toHaveTextContent('French: N, NON, ANNULER');
    expect(within(replies).getByTestId('reply-words-stop')).toHaveTextContent(
      /STOP, ARRET.*cannot be changed/,
    );

    const trial = within(replies).getByLabelText('Try a reply');
    await user.type(trial, 'Oui merci');
    expect(within(replies).getByTestId('reply-try-meaning')).toHaveTextContent(
      'Goes to the branch “confirmed”.',
    );

    await user.click(within(replies).getByRole('button', { name: 'Use our own words' }));
    const confirm = within(replies).getByRole('combobox', { name: 'Branch “confirmed”' });
    await user.type(confirm, 'Volontiers{Enter}');
    expect(stored(saved, 'q')?.data).toMatchObject({
      keywords: {
        confirm: ['C', 'OUI', 'OK', 'CONFIRMER', 'CONFIRME', 'VOLONTIERS'],
        decline: ['N', 'NON', 'ANNULER'],
      },
    });
    await user.clear(trial);
    await user.type(trial, 'volontiers !');
    expect(within(replies).getByTestId('reply-try-meaning')).toHaveTextContent(
      'Goes to the branch “confirmed”.',
    );
    await user.clear(trial);
    await user.type(trial, 'yes');
    expect(within(replies).getByTestId('reply-try-meaning')).toHaveTextContent('Not understood');

    await user.click(within(replies).getByRole('button', { name: 'Back to the standard words' }));
    expect(stored(saved, 'q')?.data).not.toHaveProperty('keywords');
  });
});

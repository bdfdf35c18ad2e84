import type { Flow, FlowNode } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { link, step } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { MessageStepForm } from './MessageStepForm';

const flowWith = (...steps: FlowNode[]): Flow => {
  const nodes = [step('trigger', 't'), ...steps];
  return { name: 'Test', nodes, edges: nodes.slice(1).map((node, i) => link(nodes[i].id, node.id)) };
};
const stored = (saved: { flow: Flow | null }, id: string) => saved.flow?.nodes.find((node) => node.id === id);

describe(MessageStepForm.name, () => {
  const openSms = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(within(screen.getByRole('list', { name: 'Flow outline' })).getByText(/^SMS to patient/));
    return screen.getByRole('region', { name: 'Step settings' });
  };

  it('offers a text in every language templates allow and saves those written', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await openSms(user);
    const tabs = within(within(form).getByRole('tablist', { name: 'Texts by language' })).getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('aria-label'))).toEqual([
      'FR — French',
      'EN — English',
      'ES — Spanish',
      'NB — Norwegian',
      'IT — Italian',
      'DE — German',
    ]);
    await user.type(within(form).getByLabelText('Text (French)'), 'Bonjour');
    await user.click(within(form).getByRole('tab', { name: 'ES — Spanish' }));
    await user.type(within(form).getByLabelText('Text (Spanish)'), 'Hola');
    await user.click(within(form).getByRole('tab', { name: 'NB — Norwegian' }));
    await user.type(within(form).getByLabelText('Text (Norwegian)'), 'Hei');
    expect(stored(saved, 's')?.data).toMatchObject({
      template: { byLanguage: { fr: { body: 'Bonjour' }, es: { body: 'Hola' }, nb: { body: 'Hei' } } },
    });
    expect(
      Object.keys((stored(saved, 's')?.data as { template: { byLanguage: object } }).template.byLanguage),
    ).toEqual(['fr', 'es', 'nb']);
  });

  it('sets the expiry of a message and takes it away again', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await openSms(user);
    await user.type(within(form).getByLabelText('Text (French)'), 'Bonjour');
    await user.selectOptions(within(form).getByLabelText('Unit of the expiry'), 'days');
    await user.type(within(form).getByLabelText('Do not send after'), '3');
    expect(stored(saved, 's')?.data).toMatchObject({ expiresAfter: { amount: 3, unit: 'days' } });
    await user.selectOptions(within(form).getByLabelText('Unit of the expiry'), 'hours');
    expect(stored(saved, 's')?.data).toMatchObject({ expiresAfter: { amount: 3, unit: 'hours' } });
    await user.clear(within(form).getByLabelText('Do not send after'));
    expect(stored(saved, 's')?.data).not.toHaveProperty('expiresAfter');
  });
});

import type { Flow } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import SavedFlowPage from '../SavedFlowPage';
import { flowView } from '../testing/flowViews';
import { ManualRunDialog } from './ManualRunDialog';

const lea = { id: 'p1', firstName: 'Léa', lastName: 'Martin', mobile: '+33612345678' };
const tom = { id: 'p2', firstName: 'Tom', lastName: 'Petit', email: 'tom@example.org' };
const patientSearch = (_body: unknown, url: string): [number, unknown] => {
  const q = new URLSearchParams(url.split('?')[1]).get('q')?.toLowerCase() ?? '';
  const items = [lea, tom].filter((p) => `${p.firstName} ${p.lastName}`.toLowerCase().includes(q));
  return [200, { items, total: items.length, page: 1, pageSize: 20 }];
};
const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/);

/** A flow started by hand: trigger "manual" → SMS → end. */
const byHand: Flow = {
  name: 'Pre-op instructions',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['manual'] } },
    {
      id: 's',
      type: 'send',
      position: { x: 0, y: 140 },
      data: {
        channel: 'sms',
        recipient: { type: 'patient' },
        template: { byLanguage: { fr: { body: 'Bonjour' } } },
      },
    },
    { id: 'e', type: 'end', position: { x: 0, y: 280 } },
  ],
  edges: [
    { id: 't-s', source: 't', target: 's', sourceHandle: null },
    { id: 's-e', source: 's', target: 'e', sourceHandle: null },
  ],
};

describe(ManualRunDialog.name, () => {
  it('runs the flow for the patients picked by search and shows what started for each', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /patients?*': patientSearch,
      'POST /flows/f1/manual-runs': [
        200,
        {
          flowId: 'f1',
          version: 2,
          runs: [
            { patientId: 'p1', runId: 'run_1', status: 'ended', duplicate: false },
            { patientId: 'p2', runId: null, status: null, duplicate: false },
          ],
        },
      ],
    });
    renderWithProviders(
      <ManualRunDialog
        flowId="f1"
        flowName="Pre-op instructions"
        latestVersion={2}
        onClose={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Run “Pre-op instructions” for patients' });
    expect(within(dialog).getByRole('button', { name: 'Start for 0 patients' })).toBeDisabled();
    const picker = within(dialog).getByRole('combobox', { name: 'Patients' });
    await user.type(picker, 'léa');
    await user.click(await screen.findByRole('option', { name: /^Léa Martin/, hidden: true }));
    await user.type(picker, 'tom');
    await user.click(await screen.findByRole('option', { name: /^Tom Petit/, hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Start for 2 patients' }));
    const started = await within(dialog).findByRole('status', { name: 'What started' });
    const items = within(started).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Léa Martin · +33612345678done',
      'Tom Petit · tom@example.orgnot started',
    ]);
    expect(api.calls('POST', '/flows/f1/manual-runs').map((r) => r.body)).toEqual([
      { requestId: uuid, patientIds: ['p1', 'p2'] },
    ]);
  });

  it('asks to publish first a flow without a published version', async () => {
    fakeApi({ 'GET /patients?*': patientSearch });
    renderWithProviders(
      <ManualRunDialog flowId="f1" flowName="Draft" latestVersion={null} onClose={() => undefined} />,
    );
    expect(await screen.findByText(/Publish the flow with the “manual” trigger/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Patients' })).not.toBeInTheDocument();
  });

  it('is offered on the page of a flow started by hand only', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /flows/f1': [200, flowView({ latestVersion: 1, enabled: true }, byHand)],
      'GET /patients?*': patientSearch,
    });
    renderWithProviders(
      <Routes>
        <Route path="/flows/:flowId" element={<SavedFlowPage />} />
      </Routes>,
      { route: '/flows/f1' },
    );
    await user.click(await screen.findByRole('button', { name: 'Run for patients' }));
    expect(
      await screen.findByRole('dialog', { name: 'Run “Pre-op instructions” for patients' }),
    ).toBeInTheDocument();
  });
});

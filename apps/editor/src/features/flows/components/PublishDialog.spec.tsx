import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import SavedFlowPage from '../SavedFlowPage';
import { flowView } from '../testing/flowViews';

const published = {
  flowId: 'f1',
  version: 1,
  note: '',
  publishedAt: '2026-03-21T10:00:00Z',
  publishedBy: 'm@x',
};

function renderPage() {
  renderWithProviders(
    <Routes>
      <Route path="/flows/:flowId" element={<SavedFlowPage />} />
    </Routes>,
    { route: '/flows/f1' },
  );
}

describe('PublishDialog', () => {
  beforeEach(() => localStorage.clear());

  it('says a flow that is off stays off, and turns it on when asked', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /flows/f1': [200, flowView()],
      'POST /flows/f1/publish': [201, published],
      'POST /flows/f1/enable': [200, flowView({ enabled: true, latestVersion: 1 })],
      'GET /flows/f1/activity': [200, { day: '2026-03-21', timeZone: 'Europe/Paris', nodes: {}, latest: [] }],
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish this flow' });
    expect(
      within(dialog).getByText('The flow is off: nothing runs until it is turned on.'),
    ).toBeInTheDocument();
    const turnOn = within(dialog).getByRole('checkbox', {
      name: 'Turn on now: version 1 runs for new appointment events',
    });
    expect(turnOn).not.toBeChecked();
    await user.click(turnOn);
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/enable')).toHaveLength(1));
    expect(
      await screen.findByRole('switch', { name: 'Flow on: it runs for new appointment events' }),
    ).toBeChecked();
  });

  it('publishes without turning the flow on unless asked, and says it is off', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /flows/f1': [200, flowView()],
      'POST /flows/f1/publish': [201, published],
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish this flow' });
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    expect(
      await screen.findByRole('switch', { name: 'Flow off: it does not run for new appointment events' }),
    ).not.toBeChecked();
    expect(api.calls('POST', '/flows/f1/enable')).toHaveLength(0);
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import type { BatchRow } from './api/batchSendApi';
import BatchSendPage from './BatchSendPage';

const row = (id: string, name: string, address: string | null, problem: string | null = null): BatchRow => ({
  id,
  appointmentId: id,
  start: '2026-04-07T08:30:00.000Z',
  patient: { id: `pat-${id}`, name },
  language: 'fr',
  address,
  serviceId: null,
  resourceId: null,
  alreadySent: false,
  problem,
});

const directory = {
  'GET /flows': [200, []] as [number, unknown],
  'GET /resources?pageSize=100': [200, { items: [] }] as [number, unknown],
  'GET /services?pageSize=100': [200, { items: [] }] as [number, unknown],
  'GET /templates?pageSize=100': [200, { items: [], total: 0 }] as [number, unknown],
  'POST /messages/preview': [
    200,
    { text: 'x', subject: null, encoding: 'GSM-7', characters: 30, segments: 1, credits: 1, errors: [] },
  ] as [number, unknown],
};

describe('BatchSendPage', () => {
  it('should count one message per phone, leave out removed rows and send what the preview showed', async () => {
    const rows = [
      row('a1', 'Léa Martin', '+33612345678'),
      row('a2', 'Hugo Martin', '+33612345678'),
      row('a3', 'Chloé Bonnet', '+33698765432'),
      row('a4', 'Nina Roux', null, 'No mobile number.'),
    ];
    const api = fakeApi({
      ...directory,
      'POST /batch-sends/preview': [200, { items: rows, total: 4, sendable: 3 }],
      'POST /batch-sends': [
        201,
        {
          id: 'bat_1',
          name: null,
          recipients: 1,
          leftOut: [],
          progress: { total: 1, byStatus: { sent: 1 } },
        },
      ],
      'GET /batch-sends/bat_1': [
        200,
        {
          id: 'bat_1',
          name: null,
          recipients: 1,
          leftOut: [],
          progress: { total: 1, byStatus: { sent: 1 } },
        },
      ],
    });
    renderWithProviders(<BatchSendPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Show the recipients' }));
    expect(await screen.findByTestId('batch-summary')).toHaveTextContent('3 of 4 can receive it');
    expect(screen.getByText('No mobile number.')).toBeInTheDocument();
    // pasted rather than typed: user-event types one key at a time, slowly under jsdom
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), {
      target: { value: 'Le cabinet sera fermé lundi.' },
    });
    expect(screen.getByRole('button', { name: 'Send to 2 recipients' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Chloé Bonnet from the list' }));
    expect(screen.getByRole('button', { name: 'Put Chloé Bonnet back' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('batch-cost')).toHaveTextContent('About 1 credits for 1 messages'),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /One message per phone number/ }));
    expect(screen.getByRole('button', { name: 'Send to 2 recipients' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /One message per phone number/ }));

    await userEvent.click(screen.getByRole('button', { name: 'Send to 1 recipients' }));
    expect(api.calls('POST', '/batch-sends')[0].body).toMatchObject({
      removed: ['a3'],
      onePerPhone: true,
      template: { body: 'Le cabinet sera fermé lundi.' },
    });
    const progress = await screen.findByTestId('batch-progress');
    expect(within(progress).getByRole('status')).toHaveTextContent('Done: 1 of 1 handed over.');
    expect(within(progress).getByRole('link', { name: 'See these messages in the report' })).toHaveAttribute(
      'href',
      '/report?batchId=bat_1',
    );
  });

  it('should pick every patient of a group with a valid contact, without dates or appointment filters', async () => {
    const api = fakeApi({
      ...directory,
      'POST /batch-sends/preview': [200, { items: [], total: 0, sendable: 0 }],
    });
    renderWithProviders(<BatchSendPage />);
    expect(screen.getByLabelText('Appointments from')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Every patient with a valid contact'));
    expect(screen.queryByLabelText('Appointments from')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Specialty/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Patient group'), { target: { value: 'Diabète ' } });
    fireEvent.change(screen.getByLabelText('Insurer'), { target: { value: 'MGEN' } });
    await userEvent.click(screen.getByRole('button', { name: 'Show the recipients' }));
    expect(await screen.findByTestId('batch-summary')).toHaveTextContent('No patient matches.');
    expect(api.calls('POST', '/batch-sends/preview')[0].body).toEqual({
      mode: 'patients',
      channel: 'sms',
      patientGroup: 'Diabète',
      insurer: 'MGEN',
    });
  });

  it('should pick appointments by specialty, and download the list after saying it holds personal data', async () => {
    const rows = [row('a1', 'Léa Martin', '+33612345678'), row('a2', 'Nina Roux', null, 'No mobile number.')];
    const api = fakeApi({
      ...directory,
      'POST /batch-sends/preview': [200, { items: rows, total: 2, sendable: 1 }],
      'POST /batch-sends/preview/export': [
        422,
        { statusCode: 422, message: 'No recipient matches this query: there is nothing to export.' },
      ],
    });
    renderWithProviders(<BatchSendPage />);
    fireEvent.change(screen.getByLabelText(/Specialty/), { target: { value: 'Orthodontie' } });
    await userEvent.click(screen.getByRole('button', { name: 'Show the recipients' }));
    await screen.findByTestId('batch-summary');
    expect(api.calls('POST', '/batch-sends/preview')[0].body).toMatchObject({
      mode: 'appointments',
      specialty: 'Orthodontie',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Remove Léa Martin from the list' }));

    await userEvent.click(screen.getByRole('button', { name: 'Download the list (CSV)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Download the list?' });
    expect(dialog).toHaveTextContent('The file holds personal data');
    expect(api.calls('POST', '/batch-sends/preview/export')).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The list could not be downloaded: No recipient matches this query',
    );
    expect(api.calls('POST', '/batch-sends/preview/export')[0].body).toMatchObject({
      query: { mode: 'appointments', specialty: 'Orthodontie' },
      removed: ['a1'],
      lang: 'en',
      confirm: 'personal-data',
    });
  });

  it('should show a refused query next to the field the API names', async () => {
    fakeApi({
      ...directory,
      'POST /batch-sends/preview': [
        400,
        {
          statusCode: 400,
          message: 'Invalid request',
          errors: [{ path: 'body.to', message: 'must not be before from' }],
        },
      ],
    });
    renderWithProviders(<BatchSendPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Show the recipients' }));
    const to = screen.getByLabelText('to');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription('must not be before from');
  });
});

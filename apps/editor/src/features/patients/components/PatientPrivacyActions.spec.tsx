import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { DirectoryPatient } from '../api/patientsApi';
import { PatientPrivacyActions } from './PatientPrivacyActions';

const patient = {
  id: 'pat_1',
  firstName: 'Léa',
  lastName: 'Martin',
  mobile: '+33612345678',
  email: null,
} as unknown as DirectoryPatient;

const report = { patientId: 'pat_1', appointments: 2, deliveries: 4, cancelled: 1, replies: 1 };

describe(PatientPrivacyActions.name, () => {
  it('erases only after a dialog that says what goes, and tells what was erased', async () => {
    const api = fakeApi({ 'DELETE /patients/pat_1': [200, report] });
    const onErased = jest.fn();
    renderWithProviders(<PatientPrivacyActions patient={patient} onErased={onErased} />);

    await userEvent.click(screen.getByRole('button', { name: /Erase this patient/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase Léa Martin?' });
    expect(dialog).toHaveTextContent(/Messages still to go to this patient are cancelled/);
    expect(dialog).toHaveTextContent(/cannot be undone/);
    expect(api.calls('DELETE', '/patients/pat_1')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.calls('DELETE', '/patients/pat_1')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: /Erase this patient/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Erase for good' }));
    await waitFor(() => expect(onErased).toHaveBeenCalledWith(report));
    expect(api.calls('DELETE', '/patients/pat_1')).toHaveLength(1);
  });

  it('shows why an erasure failed', async () => {
    fakeApi({ 'DELETE /patients/pat_1': [403, { statusCode: 403, message: 'Managers only' }] });
    renderWithProviders(<PatientPrivacyActions patient={patient} onErased={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: /Erase this patient/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText(/The erasure failed: Managers only/)).toBeInTheDocument();
  });
});

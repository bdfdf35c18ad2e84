import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chooseLanguage } from '../i18n/useMessages';
import { LanguageSwitch } from './LanguageSwitch';

jest.mock('../i18n/useMessages', () => ({
  ...jest.requireActual('../i18n/useMessages'),
  chooseLanguage: jest.fn(),
}));

describe(LanguageSwitch.name, () => {
  it('should stay in English and say why when French cannot be downloaded', async () => {
    const user = userEvent.setup();
    jest.mocked(chooseLanguage).mockRejectedValue(new Error('Failed to fetch dynamically imported module'));
    render(
      <MantineProvider>
        <Notifications />
        <LanguageSwitch />
      </MantineProvider>,
    );

    await user.click(screen.getByRole('radio', { name: 'Français' }));

    expect(
      await screen.findByText(
        'The interface could not switch to French (Failed to fetch dynamically imported module). Check the connection and try again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
  });
});

import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupScreen } from './app/StartupScreen';
import { preferredLanguage, startLanguage } from './i18n/useMessages';

const root = createRoot(document.getElementById('root')!);
const language = preferredLanguage();
document.documentElement.lang = language;

// Only the user's language is downloaded, and before the first screen: no keys or other language flash by.
root.render(<StartupScreen language={language} />);
startLanguage().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupScreen language={language} error={error} />),
);

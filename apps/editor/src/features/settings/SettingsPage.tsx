import { PlaceholderPage } from '../../app/PlaceholderPage';
import { useMessages } from '../../i18n/useMessages';

/** Clinic settings (built with the editor issue). */
export default function SettingsPage() {
  const t = useMessages();
  return <PlaceholderPage title={t.settingsTitle} intro={t.settingsIntro} note={t.comingNext} />;
}

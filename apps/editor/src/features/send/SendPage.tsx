import { PlaceholderPage } from '../../app/PlaceholderPage';
import { useMessages } from '../../i18n/useMessages';

/** One-off message to a patient by the front desk (its endpoint is not in the API yet). */
export default function SendPage() {
  const t = useMessages();
  return <PlaceholderPage title={t.sendTitle} intro={t.sendIntro} note={t.comingNext} />;
}

import { PlaceholderPage } from '../../app/PlaceholderPage';
import { useMessages } from '../../i18n/useMessages';

/** The clinic's flows (the flow list and canvas come with the editor issue). */
export default function FlowsPage() {
  const t = useMessages();
  return <PlaceholderPage title={t.flowsTitle} intro={t.flowsIntro} note={t.comingNext} />;
}

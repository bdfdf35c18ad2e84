import { PlaceholderPage } from '../../app/PlaceholderPage';
import { useMessages } from '../../i18n/useMessages';

/** The message summary report (built with the report issue). */
export default function ReportPage() {
  const t = useMessages();
  return <PlaceholderPage title={t.reportTitle} intro={t.reportIntro} note={t.comingNext} />;
}

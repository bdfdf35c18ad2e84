import { PlaceholderPage } from '../../app/PlaceholderPage';
import { useMessages } from '../../i18n/useMessages';

/** The clinic's message templates (the editor with the variable picker and SMS counter comes next). */
export default function TemplatesPage() {
  const t = useMessages();
  return <PlaceholderPage title={t.templatesTitle} intro={t.templatesIntro} note={t.comingNext} />;
}

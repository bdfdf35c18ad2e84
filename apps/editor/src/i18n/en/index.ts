import { accountMessages } from './accountMessages';
import { apiKeyMessages } from './apiKeyMessages';
import { auditMessages } from './auditMessages';
import { clockMessages } from './clockMessages';
import { editorMessages } from './editorMessages';
import { flowEditingMessages } from './flowEditingMessages';
import { integrationMessages } from './integrationMessages';
import { liveMessages } from './liveMessages';
import { outreachMessages } from './outreachMessages';
import { privacyMessages } from './privacyMessages';
import { problemMessages } from './problemMessages';
import { reachMessages } from './reachMessages';
import { reportMessages } from './reportMessages';
import { reasonMessages } from './reasonMessages';
import { replyMessages } from './replyMessages';
import { runMessages } from './runMessages';
import { sessionMessages } from './sessionMessages';
import { settingsMessages } from './settingsMessages';
import { simulationMessages } from './simulationMessages';
import { staffMessages } from './staffMessages';
import { starterMessages } from './starterMessages';
import { templateMessages } from './templateMessages';

/** Every string of the interface in English: a chunk of its own, loaded by loadMessages() when English is shown. */
export const en = {
  ...sessionMessages,
  ...accountMessages,
  ...auditMessages,
  ...problemMessages,
  ...templateMessages,
  ...liveMessages,
  ...settingsMessages,
  ...apiKeyMessages,
  ...integrationMessages,
  ...reportMessages,
  ...editorMessages,
  ...flowEditingMessages,
  ...outreachMessages,
  ...staffMessages,
  ...replyMessages,
  ...reachMessages,
  ...reasonMessages,
  ...clockMessages,
  ...simulationMessages,
  ...runMessages,
  ...starterMessages,
  ...privacyMessages,
};

import { apiKeyMessages } from './apiKeyMessages';
import { editorMessages } from './editorMessages';
import { liveMessages } from './liveMessages';
import { outreachMessages } from './outreachMessages';
import { problemMessages } from './problemMessages';
import { reportMessages } from './reportMessages';
import { replyMessages } from './replyMessages';
import { sessionMessages } from './sessionMessages';
import { settingsMessages } from './settingsMessages';
import { staffMessages } from './staffMessages';
import { templateMessages } from './templateMessages';

/** Every string of the interface in English: a chunk of its own, loaded by loadMessages() when English is shown. */
export const en = {
  ...sessionMessages,
  ...problemMessages,
  ...templateMessages,
  ...liveMessages,
  ...settingsMessages,
  ...apiKeyMessages,
  ...reportMessages,
  ...editorMessages,
  ...outreachMessages,
  ...staffMessages,
  ...replyMessages,
};

import { editorMessages } from './editorMessages';
import { liveMessages } from './liveMessages';
import { problemMessages } from './problemMessages';
import { reportMessages } from './reportMessages';
import { sessionMessages } from './sessionMessages';
import { settingsMessages } from './settingsMessages';
import { templateMessages } from './templateMessages';

/** Every string of the interface in English: a chunk of its own, loaded by loadMessages() when English is shown. */
export const en = {
  ...sessionMessages,
  ...problemMessages,
  ...templateMessages,
  ...liveMessages,
  ...settingsMessages,
  ...reportMessages,
  ...editorMessages,
};

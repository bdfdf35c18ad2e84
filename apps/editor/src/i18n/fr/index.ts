import type { Messages } from '../messages';
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

/** Every string of the interface in French: a chunk of its own, loaded by loadMessages() when French is shown. */
export const fr = {
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
} satisfies Messages;

import type { Messages } from '../messages';
import { editorMessages } from './editorMessages';
import { liveMessages } from './liveMessages';
import { problemMessages } from './problemMessages';
import { reportMessages } from './reportMessages';
import { sessionMessages } from './sessionMessages';
import { settingsMessages } from './settingsMessages';
import { templateMessages } from './templateMessages';

/** Every string of the interface in French: a chunk of its own, loaded by loadMessages() when French is shown. */
export const fr = {
  ...sessionMessages,
  ...problemMessages,
  ...templateMessages,
  ...liveMessages,
  ...settingsMessages,
  ...reportMessages,
  ...editorMessages,
} satisfies Messages;

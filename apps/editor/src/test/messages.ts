import { en } from '../i18n/en';
import { fr } from '../i18n/fr';

/** Both languages' strings at once, for tests that compare them (the app downloads only the one it shows). */
export const messages = { en, fr };

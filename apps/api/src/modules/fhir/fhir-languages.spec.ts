import { LANGUAGES, resolveLanguage } from '@clinicflow/channels';
import { ourLanguage } from '@clinicflow/pms';

// libs/pms keeps its own copy of the languages patients get messages in (it does not load libs/channels, whose
// entry brings the providers): the two must read every code alike.
describe('the FHIR Patient’s language', () => {
  it.each([...LANGUAGES, 'fr-FR', 'nb_NO', 'no', 'nn', 'EN-gb', 'pt', 'pt-BR', 'xx', ''])(
    'should read %j as libs/channels does',
    (code) => {
      expect(ourLanguage(code)).toBe(resolveLanguage(code));
    },
  );
});

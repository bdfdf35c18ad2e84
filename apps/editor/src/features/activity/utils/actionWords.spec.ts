import { AUDIT_ACTIONS } from '@clinicflow/contract';
import { messages } from '../../../test/messages';
import { actionLabel } from './actionWords';

describe(actionLabel.name, () => {
  it.each(AUDIT_ACTIONS)('has words for %s in English and in French', (action) => {
    expect(actionLabel(messages.en, action)).not.toBe(action);
    expect(actionLabel(messages.fr, action)).not.toBe(action);
  });

  it('names an act in the user’s language', () => {
    expect(actionLabel(messages.en, 'export.deliveries')).toBe('Report exported');
    expect(actionLabel(messages.fr, 'user.password-reset')).toBe('Mot de passe réinitialisé');
  });
});

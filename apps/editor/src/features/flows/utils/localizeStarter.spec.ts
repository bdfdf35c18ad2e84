import { remindersFlow, starterFlows } from '@clinicflow/rules';
import { messages } from '../../../test/messages';
import { localizeStarter, starterKeys } from './localizeStarter';

describe(localizeStarter.name, () => {
  it.each(starterFlows.map((starter) => [starter.key, starter]))(
    'should have words for the starter %s: its name, its description and every step label',
    (_key, { key, flow }) => {
      const needed = [
        starterKeys.name(key),
        starterKeys.description(key),
        ...flow.nodes
          .filter((node) => (node.data as { label?: string } | undefined)?.label)
          .map((node) => starterKeys.step(key, node.id)),
      ];
      expect(needed.filter((name) => !(name in messages.en))).toEqual([]);
    },
  );

  it('should name a starter and its steps in French, keeping everything else', () => {
    const sut = localizeStarter('reminders', remindersFlow, messages.fr);
    expect(sut.name).toBe('Rappels avec demande de confirmation');
    expect(sut.nodes.find((node) => node.id === 'sms24')?.data).toMatchObject({
      label: 'Merci de confirmer',
      channel: 'sms',
    });
    expect(sut.edges).toBe(remindersFlow.edges);
  });
});

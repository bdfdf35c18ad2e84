import { renderTemplate } from './render-template';
import { completeMessageContext } from './message-context';

const dayList = {
  date: '2026-03-30T00:00:00.000+02:00',
  count: 2,
  appointments: [
    {
      start: '2026-03-30T07:30:00.000Z',
      patientName: 'Léa Martin',
      serviceName: 'Détartrage',
      locationName: 'Cabinet du Parc',
    },
    { start: '2026-03-30T12:15:00.000Z', patientName: 'Hugo Petit' },
  ],
};
const body = '{{dayList.longDate}} ({{dayList.count}}):\n{{dayList.text}}';

describe('the day list of a practitioner (F10)', () => {
  it.each([
    ['fr', 'lundi 30 mars (2):\n09:30 Léa Martin, Détartrage (Cabinet du Parc)\n14:15 Hugo Petit'],
    ['en', 'Monday 30 March (2):\n09:30 Léa Martin, Détartrage (Cabinet du Parc)\n14:15 Hugo Petit'],
    ['de', 'Montag, 30. März (2):\n09:30 Léa Martin, Détartrage (Cabinet du Parc)\n14:15 Hugo Petit'],
  ] as const)('should be written in %s, in the clinic’s time', (language, expected) => {
    const rendered = renderTemplate(body, { ...completeMessageContext(), dayList }, { language });
    expect(rendered).toEqual({ ok: true, text: expected });
  });

  it('should refuse the list in a message that has none', () => {
    const { dayList: _none, ...context } = completeMessageContext();
    const rendered = renderTemplate(body, context as never, { language: 'fr' });
    expect(rendered.ok === false && rendered.problems.map((p) => p.message)).toEqual([
      'No value for "dayList.longDate".',
      'No value for "dayList.count".',
      'No value for "dayList.text".',
    ]);
  });
});

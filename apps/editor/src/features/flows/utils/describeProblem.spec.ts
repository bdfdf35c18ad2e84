import { practitionerDayListFlow, remindersFlow, validateFlow, type Flow } from '@clinicflow/rules';
import { messages } from '../../../test/messages';
import { link, step } from '../testing/flowFixtures';
import { describeProblem, stepNamer } from './describeProblem';

const withoutText = (): Flow => {
  const flow = JSON.parse(JSON.stringify(remindersFlow)) as Flow;
  const ask = flow.nodes.find((node) => node.type === 'ask');
  if (!ask || ask.type !== 'ask') throw new Error('the reminders starter has a question');
  ask.data.template = {};
  return flow;
};

describe(describeProblem.name, () => {
  it('should name the step as its card does, not by its id, in English and French', () => {
    const flow = withoutText();
    const problem = validateFlow(flow, { defaultLanguage: 'fr' }).problems.find(
      (p) => p.code === 'template-missing',
    );
    expect(problem).toBeDefined();

    const en = describeProblem(problem!, messages.en, stepNamer(flow, messages.en));
    const fr = describeProblem(problem!, messages.fr, stepNamer(flow, messages.fr));

    expect(en).toMatch(
      /^“SMS question to patient: Please confirm.*” has no text yet: write it or pick a saved template$/,
    );
    expect(fr).toMatch(/n’a pas encore de texte : écrivez-le ou choisissez un modèle$/);
    expect(en).not.toContain(problem!.params!.step);
  });

  it('should say which exit goes nowhere and which events have no appointment', () => {
    const flow = JSON.parse(JSON.stringify(remindersFlow)) as Flow;
    const trigger = flow.nodes.find((node) => node.type === 'trigger');
    if (trigger?.type !== 'trigger') throw new Error('a trigger');
    trigger.data.events = ['patient.created'];
    flow.edges = flow.edges.filter((edge) => edge.sourceHandle !== 'no-reply');
    const { problems } = validateFlow(flow, { defaultLanguage: 'fr' });
    const said = problems.map((p) => describeProblem(p, messages.fr, stepNamer(flow, messages.fr)));

    expect(said).toContainEqual(
      expect.stringMatching(/^La sortie « sans réponse » de “.+” ne mène nulle part/),
    );
    expect(said).toContainEqual(expect.stringContaining('les scénarios lancés quand un patient est créé'));
  });

  it('should say what a daily list lacks in the interface’s words', () => {
    const flow = JSON.parse(JSON.stringify(practitionerDayListFlow)) as Flow;
    const trigger = flow.nodes.find((node) => node.type === 'trigger');
    if (trigger?.type !== 'trigger') throw new Error('a trigger');
    delete trigger.data.dailyAt;
    const { problems } = validateFlow(flow, { defaultLanguage: 'fr' });
    expect(problems.map((p) => describeProblem(p, messages.fr, stepNamer(flow, messages.fr)))).toEqual([
      expect.stringMatching(/^“.+” : indiquez l’heure à laquelle il démarre \(HH:mm\)$/),
    ]);
  });

  it('should say what a question lacks for its answer to come back, with the fix', () => {
    const flow = JSON.parse(JSON.stringify(remindersFlow)) as Flow;
    const said = (gap: 'sms-sender-name' | 'voice-keypress' | 'email-inbound', stepSender = false) => {
      const { problems } = validateFlow(flow, {
        defaultLanguage: 'fr',
        replyRoute: () => ({ gap, sender: 'CabLilas', ...(stepSender ? { stepSender } : {}) }),
      });
      return problems.map((p) => describeProblem(p, messages.fr, stepNamer(flow, messages.fr)));
    };
    expect(said('sms-sender-name')).toEqual([
      expect.stringMatching(/sous le nom « CabLilas ».*: indiquez un numéro pour les réponses/),
    ]);
    expect(said('sms-sender-name', true)).toEqual([
      expect.stringMatching(/son expéditeur « CabLilas » .*: donnez à l’étape un numéro/),
    ]);
    expect(said('voice-keypress')).toEqual([
      expect.stringMatching(/tape alors 1 pour confirmer ou 2 pour annuler$/),
    ]);
    expect(said('email-inbound')).toEqual([expect.stringMatching(/configurez la réception des e-mails/)]);
  });

  it('should say which attempt of "Reach the patient" a problem of its message is about', () => {
    const reach = step('reach', 'r');
    if (reach.type !== 'reach') throw new Error('a reach step');
    reach.data.rungs[0].template = { byLanguage: { fr: { body: 'Bonjour' } } };
    const flow: Flow = {
      name: 'Ladder',
      nodes: [step('trigger', 't'), reach, step('end', 'e1'), step('end', 'e2')],
      edges: [link('t', 'r'), link('r', 'e1', 'reached'), link('r', 'e2', 'not-reached')],
    };
    const problems = validateFlow(flow, { defaultLanguage: 'fr' }).problems.filter(
      (p) => p.code === 'template-missing',
    );
    expect(problems.map((p) => p.path)).toEqual(['nodes.1.data.rungs.1.template']);
    expect(describeProblem(problems[0], messages.en, stepNamer(flow, messages.en))).toBe(
      '“WhatsApp (read within 2 h) → SMS (delivered within 30 min)”, attempt 2 has no text yet: write it or pick a saved template',
    );
    expect(describeProblem(problems[0], messages.fr, stepNamer(flow, messages.fr))).toBe(
      '“WhatsApp (lu sous 2 h) → SMS (remis sous 30 min)”, tentative 2 n’a pas encore de texte : écrivez-le ou choisissez un modèle',
    );
  });

  it('should keep the validator’s words for a problem without a code', () => {
    expect(describeProblem({ message: 'Something odd' }, messages.fr, () => undefined)).toBe('Something odd');
  });
});

/**
 * The rules library's `contextFieldCatalogue` is the one list of variables: its validator checks templates
 * against it and this library's picker list is read from it. These tests check that the sample context renders
 * every field a template may show (`variable-drift.spec.ts` does the same with the engine's context, per event),
 * and that every starter flow's message renders in every language it has, on the channel its step uses.
 */
import { contextFieldCatalogue, starterFlows, type TemplateText } from '@clinicflow/rules';
import { resolveLanguage } from '../languages/language';
import { composeMessage } from '../messages/compose-message';
import type { Channel } from '../providers/provider';
import { sampleMessageContext } from './message-context';
import { renderTemplate } from './render-template';
import { TEMPLATE_VARIABLE_PATHS } from './variable-catalogue';

const now = new Date('2026-12-02T10:00:00Z');
const sample = sampleMessageContext();

function valueAt(context: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], context);
}

const shown = contextFieldCatalogue.filter((field) => field.inTemplates);
const conditionsOnly = contextFieldCatalogue.filter((field) => !field.inTemplates).map((field) => field.path);

describe('the rules context catalogue', () => {
  it.each(shown.map((field) => [field.path, field]))(
    'should have %s in TEMPLATE_VARIABLES and in the sample context',
    (path, field) => {
      expect(TEMPLATE_VARIABLE_PATHS.has(path)).toBe(true);
      // the appointment's dates in words are written by the renderer, not given in the context
      if (field.inConditions) expect(valueAt(sample, path) ?? null).not.toBeNull();
      const helpers =
        field.type === 'datetime' ? ['', 'date ', 'time '] : field.type === 'number' ? ['', 'number '] : [''];
      for (const helper of helpers) {
        expect(renderTemplate(`{{${helper}${path}}}`, sample, { language: 'fr', now })).toMatchObject({
          ok: true,
        });
      }
    },
  );

  it.each(conditionsOnly)('should keep %s (conditions only) out of messages here too', (path) => {
    expect(TEMPLATE_VARIABLE_PATHS.has(path)).toBe(false);
  });
});

interface StarterMessage {
  flow: string;
  step: string;
  channel: Channel;
  language: string;
  text: TemplateText;
}

const steps = starterFlows.flatMap((starter) =>
  starter.flow.nodes.flatMap((node) =>
    node.type === 'send' || node.type === 'ask' ? [{ flow: starter.key, node }] : [],
  ),
);
const messages: StarterMessage[] = steps.flatMap(({ flow, node }) =>
  Object.entries(node.data.template.byLanguage ?? {}).map(([language, text]) => ({
    flow,
    step: node.id,
    channel: node.data.channel,
    language,
    text,
  })),
);

describe('the rules starter flows', () => {
  it('should all have inline texts to check', () => {
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter(({ node }) => Object.keys(node.data.template.byLanguage ?? {}).length === 0)).toEqual(
      [],
    );
  });

  it.each(messages)(
    'should render $flow / $step ($channel, $language) strictly with the sample context',
    ({ channel, language, text }) => {
      expect(resolveLanguage(language)).toBe(language);
      const sut = composeMessage({
        channel,
        template: { body: text.body, subject: text.subject, variants: { [language]: text } },
        context: sample,
        patientLanguage: language,
        now,
      });
      expect(sut).toMatchObject({ ok: true, message: { language } });
      const message = sut.ok ? sut.message : null;
      expect(message?.text).toBeTruthy();
      expect(`${message?.subject ?? ''} ${message?.text}`).not.toMatch(/{{|}}/);
      if (channel === 'email') expect(message?.subject).toBeTruthy();
    },
  );

  it('should tell patients the new time when the practitioner is late (F9)', () => {
    const late = messages.find(
      (m) => m.flow === 'resource-alert' && m.step === 'sms-late' && m.language === 'fr',
    );
    const sut = renderTemplate(late?.text.body ?? '', sample, { language: 'fr', now });
    expect(sut).toEqual({
      ok: true,
      text: 'Dr Hugo Bernard a du retard : votre RDV de 09:30 est prévu vers 09:50. Cabinet du Parc',
    });
  });
});

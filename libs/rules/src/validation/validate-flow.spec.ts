/* eslint-disable @typescript-eslint/no-explicit-any -- the cases edit raw JSON on purpose */
import type { Flow } from '../flow/flow.schema';
import { remindersFlow } from '../starter-flows/reminders.flow';
import { sendNode, straightFlow, waitNode } from '../testing/fixtures';
import { validateFlow } from './validate-flow';

type Mutation = (flow: Record<string, any>) => unknown;

const copy = (flow: Flow): Record<string, any> => JSON.parse(JSON.stringify(flow));
const node = (flow: Record<string, any>, id: string) => flow.nodes.find((n: { id: string }) => n.id === id);
const patientCreated = (flow: Record<string, any>) => {
  node(flow, 'booked').data.events = ['patient.created'];
  return flow;
};

const cases: Array<{ title: string; mutate: Mutation; nodeId: string | null; message: string }> = [
  {
    title: 'not a flow',
    mutate: () => null,
    nodeId: null,
    message: 'This is not a flow: it needs a name, steps and connections',
  },
  {
    title: 'no name',
    mutate: (f) => ({ ...f, name: undefined }),
    nodeId: null,
    message: 'The flow: the name is missing',
  },
  {
    title: 'unknown step type',
    mutate: (f) => ((node(f, 'end').type = 'teleport'), f),
    nodeId: 'end',
    message: 'Step "end" has an unknown step type',
  },
  {
    title: 'missing channel',
    mutate: (f) => (delete node(f, 'email48').data.channel, f),
    nodeId: 'email48',
    message: 'Message step "Reminder e-mail": the channel is missing',
  },
  {
    title: 'sender name too long',
    mutate: (f) => ((node(f, 'sms24').data.sender = { smsName: 'CabinetDuParc' }), f),
    nodeId: 'sms24',
    message: 'Question "Please confirm": the SMS sender name has more than 11 characters',
  },
  {
    title: 'bad web address',
    mutate: (f) => (
      f.nodes.push({ id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, data: { url: 'ftp://x' } }),
      f
    ),
    nodeId: 'hook',
    message: 'Webhook "hook": the web address is not valid',
  },
  {
    title: 'no trigger',
    mutate: (f) => ((f.nodes = f.nodes.filter((n: { type: string }) => n.type !== 'trigger')), f),
    nodeId: null,
    message: 'The flow has no trigger: add one to say what starts it',
  },
  {
    title: 'two triggers',
    mutate: (f) => (f.nodes.push({ ...node(f, 'booked'), id: 'booked2' }), f),
    nodeId: 'booked2',
    message: 'A flow has exactly one trigger: remove Trigger "Appointment booked or moved"',
  },
  {
    title: 'two steps with one id',
    mutate: (f) => (f.nodes.push({ ...node(f, 'end') }), f),
    nodeId: 'end',
    message: 'Two steps share the id "end"',
  },
  {
    title: 'two connections with one id',
    mutate: (f) => (f.edges.push({ ...f.edges[0], sourceHandle: 'x' }), f),
    nodeId: 'booked',
    message: 'Two connections share the id "booked-next-wait48"',
  },
  {
    title: 'connection to nowhere',
    mutate: (f) => (f.edges.push({ id: 'x', source: 'mark-confirmed', target: 'ghost' }), f),
    nodeId: 'mark-confirmed',
    message: 'A connection points to a step that does not exist ("ghost")',
  },
  {
    title: 'unknown exit',
    mutate: (f) => (f.edges.push({ id: 'x', source: 'wait48', target: 'end', sourceHandle: 'maybe' }), f),
    nodeId: 'wait48',
    message: 'Wait "48 h before" has no exit "maybe"',
  },
  {
    title: 'connection out of an end',
    mutate: (f) => (f.edges.push({ id: 'x', source: 'end', target: 'wait48' }), f),
    nodeId: 'end',
    message: 'End "end" ends the flow and cannot lead anywhere',
  },
  {
    title: 'back to the trigger',
    mutate: (f) => (f.edges.push({ id: 'x', source: 'mark-declined', target: 'booked' }), f),
    nodeId: 'mark-declined',
    message: 'Nothing can lead back to the trigger (from Update "Mark declined")',
  },
  {
    title: 'exit used twice',
    mutate: (f) => (
      f.edges.push({ id: 'x', source: 'sms24', target: 'mark-declined', sourceHandle: 'confirmed' }),
      f
    ),
    nodeId: 'sms24',
    message: 'The "confirmed" exit of Question "Please confirm" goes to two places: keep one',
  },
  {
    title: 'unreachable step',
    mutate: (f) => (f.nodes.push({ id: 'lost', type: 'end', position: { x: 0, y: 0 } }), f),
    nodeId: 'lost',
    message: 'End "lost" cannot be reached from the trigger',
  },
  {
    title: 'loop',
    mutate: (f) => (
      (f.edges.find((e: { source: string }) => e.source === 'mark-declined').target = 'wait48'),
      f
    ),
    nodeId: 'wait48',
    message: 'Wait "48 h before" leads back to itself: loops are not allowed',
  },
  {
    title: 'branch going nowhere',
    mutate: (f) => (
      (f.edges = f.edges.filter((e: { sourceHandle: string }) => e.sourceHandle !== 'failed')),
      f
    ),
    nodeId: 'sms24',
    message: 'The "failed" exit of Question "Please confirm" goes nowhere: connect it to a step or to an End',
  },
  {
    title: 'wait on the appointment without one',
    mutate: patientCreated,
    nodeId: 'wait48',
    message:
      'Wait "48 h before" counts from the appointment, but flows started by patient created have no appointment',
  },
  {
    title: 'update without an appointment',
    mutate: patientCreated,
    nodeId: 'mark-confirmed',
    message:
      'Update "Mark confirmed" updates the appointment, but flows started by patient created have no appointment',
  },
  {
    title: 'reminder without an appointment',
    mutate: patientCreated,
    nodeId: 'email48',
    message:
      'E-mail step "Reminder e-mail" is a reminder, but flows started by patient created have no appointment',
  },
  {
    title: 'condition on the appointment without one',
    mutate: (f) => (
      patientCreated(f),
      f.nodes.push({
        id: 'online',
        type: 'condition',
        position: { x: 0, y: 0 },
        data: { check: { kind: 'booked-online' } },
      }),
      f
    ),
    nodeId: 'online',
    message:
      'Condition "online" looks at the appointment, but flows started by patient created have no appointment',
  },
  {
    title: 'time of day with hours',
    mutate: (f) => ((node(f, 'wait48').data.atLocalTime = '18:00'), f),
    nodeId: 'wait48',
    message: 'Wait "48 h before": a time of day only goes with days, weeks or months',
  },
  {
    title: 'no template',
    mutate: (f) => ((node(f, 'sms24').data.template = {}), f),
    nodeId: 'sms24',
    message: 'Question "Please confirm" has no template',
  },
  {
    title: "no template in the clinic's language",
    mutate: (f) => (delete node(f, 'sms24').data.template.byLanguage.fr, f),
    nodeId: 'sms24',
    message: 'Question "Please confirm" has no template in the clinic\'s language (fr)',
  },
  {
    title: 'empty text',
    mutate: (f) => ((node(f, 'sms24').data.template.byLanguage.en.body = ' '), f),
    nodeId: 'sms24',
    message: 'Question "Please confirm": the en text is empty',
  },
  {
    title: 'e-mail without subject',
    mutate: (f) => (delete node(f, 'email48').data.template.byLanguage.fr.subject, f),
    nodeId: 'email48',
    message: 'E-mail step "Reminder e-mail": the fr e-mail has no subject',
  },
  {
    title: 'unknown variable',
    mutate: (f) => ((node(f, 'email48').data.template.byLanguage.fr.body = 'Hi {{patient.nickname}}'), f),
    nodeId: 'email48',
    message:
      'E-mail step "Reminder e-mail" uses {{patient.nickname}}, which does not exist in flows started by appointment booked / appointment rescheduled',
  },
  {
    title: 'variable for conditions only (the attendance record)',
    mutate: (f) => (
      (node(f, 'email48').data.template.byLanguage.fr.body = 'Absences : {{patient.attendance.noShows}}'),
      f
    ),
    nodeId: 'email48',
    message:
      'E-mail step "Reminder e-mail" uses {{patient.attendance.noShows}}, which conditions may read but a message may not show',
  },
  {
    title: 'variable for conditions only (the date of birth, in a subject)',
    mutate: (f) => (
      (node(f, 'email48').data.template.byLanguage.en.subject = 'Born {{date patient.birthDate}}'),
      f
    ),
    nodeId: 'email48',
    message: 'uses {{patient.birthDate}}, which conditions may read but a message may not show',
  },
  {
    title: 'now in a template',
    mutate: (f) => ((node(f, 'sms24').data.template.byLanguage.fr.body = 'Le {{date now}}'), f),
    nodeId: 'sms24',
    message: 'uses {{now}}, which conditions may read but a message may not show',
  },
  {
    title: 'custom recipient without address',
    mutate: (f) => ((node(f, 'email48').data.recipient = { type: 'custom' }), f),
    nodeId: 'email48',
    message: 'E-mail step "Reminder e-mail": give the number or address of the custom recipient',
  },
  {
    title: "the patient's link in a message to the practitioner",
    mutate: (f) => {
      const email = node(f, 'email48');
      email.data.recipient = { type: 'resource' };
      email.data.template.byLanguage.fr.body = 'Annuler : {{links.cancel}}';
      return f;
    },
    nodeId: 'email48',
    message: "uses {{links.cancel}}, the patient's own link: only a message to the patient may show it",
  },
  {
    title: 'question to someone else',
    mutate: (f) => ((node(f, 'sms24').data.recipient = { type: 'resource' }), f),
    nodeId: 'sms24',
    message: 'Question "Please confirm": only the patient can be asked a question',
  },
  {
    title: 'expression reading unknown data',
    mutate: (f) => (
      f.nodes.push({
        id: 'expr',
        type: 'condition',
        position: { x: 0, y: 0 },
        data: { check: { kind: 'expression', logic: { '==': [{ var: ['foo.bar', 1] }, 1] } } },
      }),
      f
    ),
    nodeId: 'expr',
    message:
      'Condition "expr" reads "foo.bar", which does not exist in flows started by appointment booked / appointment rescheduled',
  },
  {
    title: 'age range upside down',
    mutate: (f) => (
      f.nodes.push({
        id: 'age',
        type: 'condition',
        position: { x: 0, y: 0 },
        data: { check: { kind: 'patient-age', min: 60, max: 18 } },
      }),
      f
    ),
    nodeId: 'age',
    message: 'Condition "age": the minimum age is above the maximum',
  },
];

describe(validateFlow.name, () => {
  it('should accept the reminders starter flow', () => {
    expect(validateFlow(remindersFlow, { defaultLanguage: 'fr' })).toMatchObject({
      valid: true,
      problems: [],
    });
  });

  it.each(cases)('should report $title', ({ mutate, nodeId, message }) => {
    const sut = validateFlow(mutate(copy(remindersFlow)), { defaultLanguage: 'fr' });
    expect(sut.valid).toBe(false);
    expect(sut.problems).toContainEqual(
      expect.objectContaining({ nodeId, message: expect.stringContaining(message) }),
    );
  });

  it.each(cases)(
    'should give $title a code, and the step it is about, for the editor’s own words',
    ({ mutate, nodeId, message }) => {
      const sut = validateFlow(mutate(copy(remindersFlow)), { defaultLanguage: 'fr' });
      const problem = sut.problems.find((p) => p.nodeId === nodeId && p.message.includes(message));
      expect(problem?.code).toMatch(/^[a-z-]+$/);
      if (nodeId !== null && problem?.code !== 'duplicate-step-id')
        expect(problem?.params?.step).toBe(nodeId);
    },
  );

  it('should take the default language from the flow settings', () => {
    const flow = straightFlow([sendNode('sms', { template: { byLanguage: { en: { body: 'Hi' } } } })]);
    expect(
      validateFlow({ ...flow, settings: { defaultLanguage: 'nb' } }).problems.map((p) => p.message),
    ).toEqual(['SMS step "sms" has no template in the clinic\'s language (nb)']);
  });

  it('should let a condition read what a message may not show', () => {
    const flow = copy(remindersFlow);
    flow.nodes.push({
      id: 'expr',
      type: 'condition',
      position: { x: 0, y: 0 },
      data: {
        check: {
          kind: 'expression',
          logic: {
            and: [
              { '<': [{ var: 'patient.attendance.noShows' }, 3] },
              { '<': [{ var: 'patient.birthDate' }, { var: 'now' }] },
              { '==': [{ var: 'event.type' }, 'appointment.booked'] },
            ],
          },
        },
      },
    });
    const problems = validateFlow(flow, { defaultLanguage: 'fr' }).problems;
    expect(problems.filter((problem) => problem.path.endsWith('.data.check.logic'))).toEqual([]);
  });

  it('should allow delay fields in resource alerts only', () => {
    const body = { byLanguage: { fr: { body: '{{delay.minutes}} min' } } };
    const alert = straightFlow(
      [sendNode('sms', { template: body })],
      ['resource.delayed', 'resource.absent'],
    );
    const booking = straightFlow([
      sendNode('sms', { template: body }),
      waitNode('w', { relativeTo: 'event', direction: 'after' }),
    ]);
    expect(validateFlow(alert).valid).toBe(true);
    expect(validateFlow(booking).problems).toHaveLength(1);
  });
});

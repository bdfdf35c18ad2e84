import { smsData, straightFlow } from '../testing/fixtures';
import { validateFlow } from '../validation/validate-flow';
import { templateVariables } from './template-variables';
import {
  contextFieldCatalogue,
  fieldsForEvents,
  scopesForEvents,
  templateFieldCatalogue,
  templateFieldsForEvents,
  templateFieldsForSend,
} from './context-field-catalogue';

describe(templateVariables.name, () => {
  it.each([
    ['Hello {{patient.firstName}}', [{ path: 'patient.firstName', helper: null }]],
    ['{{date appointment.start "EEEE d MMMM"}}', [{ path: 'appointment.start', helper: 'date' }]],
    [
      '{{#if service.notes}}{{service.notes}}{{/if}}',
      [
        { path: 'service.notes', helper: 'if' },
        { path: 'service.notes', helper: null },
      ],
    ],
    ['{{! a comment }} {{> partial}} {{else}}', []],
    [
      '{{time appointment.start format="HH:mm"}} {{{clinic.name}}}',
      [
        { path: 'appointment.start', helper: 'time' },
        { path: 'clinic.name', helper: null },
      ],
    ],
    ['{{ }} {{upper "x" 3}}', []],
  ])('should find the variables of %p', (template, expected) => {
    expect(templateVariables(template)).toEqual(expected);
  });
});

describe(fieldsForEvents.name, () => {
  it.each([
    [['appointment.booked'], true, false],
    [['resource.delayed', 'resource.absent'], true, true],
    [['patient.created'], false, false],
    [['appointment.booked', 'manual'], false, false],
  ] as const)('should scope %p (appointment %p, delay %p)', (events, appointment, delay) => {
    const paths = fieldsForEvents(events).map((field) => field.path);
    expect(paths.includes('appointment.start')).toBe(appointment);
    expect(paths.includes('delay.minutes')).toBe(delay);
    expect(scopesForEvents(events).has('always')).toBe(true);
  });
});

describe(templateFieldsForEvents.name, () => {
  it('should leave out what a message may not show, and only that', () => {
    const events = ['resource.delayed'] as const;
    const shown = templateFieldsForEvents(events).map((field) => field.path);
    const readOnly = fieldsForEvents(events)
      .map((field) => field.path)
      .filter((path) => !shown.includes(path));
    expect(readOnly).toEqual([
      'patient.birthDate',
      'patient.attendance.visits',
      'patient.attendance.noShows',
      'patient.attendance.lastVisitAt',
      'event.type',
      'event.at',
    ]);
    expect(shown).toEqual(expect.arrayContaining(['resource.name', 'delay.newStart', 'appointment.source']));
    expect(contextFieldCatalogue.filter((field) => !field.inTemplates)).toHaveLength(readOnly.length);
  });
});

describe('the one catalogue of variables', () => {
  it('should let messages, not conditions, use the dates the renderer writes', () => {
    const events = ['appointment.booked'] as const;
    const shown = templateFieldsForEvents(events).map((field) => field.path);
    const read = fieldsForEvents(events).map((field) => field.path);
    expect(shown).toEqual(expect.arrayContaining(['appointment.longDate', 'appointment.startTime']));
    expect(read).not.toContain('appointment.longDate');
    expect(read).toContain('appointment.start');
  });

  it.each([
    [['resource.absent'], false],
    [['resource.delayed'], true],
    [['resource.delayed', 'resource.absent'], true],
  ] as const)('should show the delay in flows started by %p: %p', (events, shown) => {
    const paths = templateFieldsForEvents(events).map((field) => field.path);
    expect(paths.includes('delay.newStart')).toBe(shown);
    expect(fieldsForEvents(events).map((field) => field.path)).toContain('delay.newStart');
  });

  it('should give the picker every field a message may show, each with words in English and French', () => {
    expect(templateFieldCatalogue).toEqual(contextFieldCatalogue.filter((field) => field.inTemplates));
    for (const field of templateFieldCatalogue) {
      expect(field.description.en).not.toBe('');
      expect(field.description.fr).not.toBe('');
      expect(field.group).toBe(field.path.split('.')[0]);
    }
    expect(new Set(contextFieldCatalogue.map((field) => field.path)).size).toBe(contextFieldCatalogue.length);
  });
});

describe('a message showing the delay in a flow of absences', () => {
  it('should say the delay does not exist there, not that it is for conditions only', () => {
    const flow = straightFlow(
      [
        {
          id: 'sms',
          type: 'send',
          position: { x: 0, y: 100 },
          data: smsData({ template: { byLanguage: { fr: { body: 'Retard : {{delay.minutes}} min' } } } }),
        },
      ],
      ['resource.absent'],
    );
    const problems = validateFlow(flow).problems.filter((problem) => problem.code?.startsWith('variable-'));
    expect(problems).toMatchObject([
      {
        code: 'variable-unknown',
        message: expect.stringContaining('which does not exist in flows started by resource absent'),
      },
    ]);
  });
});

describe(templateFieldsForSend.name, () => {
  it.each([
    ['nobody', ['clinic.name', 'user.name'], ['patient.firstName', 'patient.insurer', 'appointment.date']],
    [
      'patient',
      ['clinic.name', 'user.name', 'patient.firstName', 'patient.insurer', 'patient.referringDoctor.name'],
      ['appointment.date', 'resource.name', 'service.name', 'delay.minutes'],
    ],
    [
      'appointment',
      [
        'user.name',
        'patient.referringDoctor.email',
        'appointment.longDate',
        'resource.name',
        'location.city',
      ],
      ['delay.minutes', 'delay.newStart', 'patient.birthDate', 'event.type'],
    ],
  ] as const)('should let a send about %s show what it has, and only that', (subject, shown, hidden) => {
    const paths = templateFieldsForSend(subject).map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining([...shown]));
    for (const path of hidden) expect(paths).not.toContain(path);
  });

  it('should keep the sending user out of every flow, whatever starts it', () => {
    const events = ['appointment.booked', 'patient.created', 'manual', 'resource.delayed'] as const;
    for (const event of events) {
      expect(templateFieldsForEvents([event]).map((field) => field.path)).not.toContain('user.name');
    }
    const flow = straightFlow([
      {
        id: 'sms',
        type: 'send',
        position: { x: 0, y: 100 },
        data: smsData({ template: { byLanguage: { fr: { body: 'De la part de {{user.name}}' } } } }),
      },
    ]);
    expect(validateFlow(flow).problems.filter((p) => p.code?.startsWith('variable-'))).toMatchObject([
      { code: 'variable-unknown', params: { variable: 'user.name' } },
    ]);
  });
});

import { remindersFlow } from '../starter-flows/reminders.flow';
import { connectionProblem, type ProposedConnection } from './connection-problem';

const flow = {
  ...remindersFlow,
  edges: remindersFlow.edges.filter((edge) => edge.source !== 'mark-declined'),
};

describe(connectionProblem.name, () => {
  it.each<[string, ProposedConnection, string | null]>([
    [
      'an unknown step',
      { source: 'ghost', target: 'end' },
      'Both ends of a connection must be steps of this flow',
    ],
    [
      'a missing exit',
      { source: 'wait48', target: 'end', sourceHandle: 'yes' },
      'Wait "48 h before" has no exit "yes"',
    ],
    [
      'a way back to the trigger',
      { source: 'mark-declined', target: 'booked' },
      'Nothing can lead back to the trigger',
    ],
    [
      'an exit already used',
      { source: 'sms24', target: 'mark-declined', sourceHandle: 'confirmed' },
      'The "confirmed" exit of Question "Please confirm" is already connected',
    ],
    [
      'a loop',
      { source: 'mark-declined', target: 'wait24' },
      'This would make a loop back to Wait "24 h before"',
    ],
  ])('should refuse %s', (_title, connection, problem) => {
    expect(connectionProblem(flow, connection)).toBe(problem);
  });

  it('should accept a connection the engine accepts', () => {
    expect(connectionProblem(flow, { source: 'mark-declined', target: 'end' })).toBeNull();
  });
});

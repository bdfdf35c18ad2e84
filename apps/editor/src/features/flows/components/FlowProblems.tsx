import type { Flow, RulesProblem } from '@clinicflow/rules';
import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { useStepNames } from '../hooks/useStepNames';
import { describeProblem, stepNamer } from '../utils/describeProblem';

/** Every problem the shared validator finds, in plain language; a step's problem selects that step. */
export function FlowProblems({ flow, problems }: { flow: Flow; problems: readonly RulesProblem[] }) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const names = useStepNames();
  const nameStep = stepNamer(flow, t, names);
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.flowProblemsTitle}>
      <Title order={5} mb={4}>
        {t.flowProblemsTitle}
      </Title>
      {problems.length === 0 ? (
        <Text size="sm" c="teal.9">
          {t.noProblems}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {problems.map((problem) => {
            const nodeId = problem.nodeId;
            const known = nodeId !== null && flow.nodes.some((node) => node.id === nodeId);
            return (
              <List.Item key={`${problem.nodeId}:${problem.path}:${problem.message}`}>
                {known ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => actions.select([nodeId])}>
                    {describeProblem(problem, t, nameStep)}
                  </Anchor>
                ) : (
                  describeProblem(problem, t, nameStep)
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}

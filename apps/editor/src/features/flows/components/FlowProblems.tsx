import { isBlockingProblem, type Flow, type RulesProblem } from '@clinicflow/rules';
import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { useStepNames } from '../hooks/useStepNames';
import { describeProblem, stepNamer } from '../utils/describeProblem';

/** Every problem the shared validator finds, in plain language, then its warnings; a step's problem selects that step. */
export function FlowProblems({ flow, problems }: { flow: Flow; problems: readonly RulesProblem[] }) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  const names = useStepNames();
  const nameStep = stepNamer(flow, t, names);
  const errors = problems.filter(isBlockingProblem);
  const warnings = problems.filter((problem) => !isBlockingProblem(problem));
  const item = (problem: RulesProblem) => {
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
  };
  // Two regions side by side, not one inside the other: what blocks publishing, then what is worth a look.
  return (
    <Paper withBorder p="sm">
      <section aria-label={t.flowProblemsTitle}>
        <Title order={5} mb={4}>
          {t.flowProblemsTitle}
        </Title>
        {errors.length === 0 ? (
          <Text size="sm" c="teal.9">
            {t.noProblems}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {errors.map(item)}
          </List>
        )}
      </section>
      {warnings.length > 0 && (
        <section aria-label={t.flowWarningsTitle}>
          <Title order={6} mt="xs" mb={4} c="orange.9">
            {t.flowWarningsTitle}
          </Title>
          <List size="sm" spacing={2}>
            {warnings.map(item)}
          </List>
        </section>
      )}
    </Paper>
  );
}

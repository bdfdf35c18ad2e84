import { isBlockingProblem, type FlowNode, type RulesProblem } from '@clinicflow/rules';
import { Alert, CloseButton, Group, List, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { useFlowEditorActions } from '../hooks/useFlowEditorActions';
import { describeProblem } from '../utils/describeProblem';
import { stepWords } from '../utils/stepWords';
import { summarizeStep } from '../utils/summarizeStep';
import { ConditionStepForm } from './ConditionStepForm';
import { EndStepForm } from './EndStepForm';
import { MessageStepForm } from './MessageStepForm';
import { ReachStepForm } from './ReachStepForm';
import { StepIcon } from './StepIcon';
import { TriggerStepForm } from './TriggerStepForm';
import { UpdateStepForm } from './UpdateStepForm';
import { WaitStepForm } from './WaitStepForm';
import { WebhookStepForm } from './WebhookStepForm';

/** The form of a step's type; each edit that passes the libs/rules schema goes into the flow at once. */
function StepForm({
  step,
  onChange,
  problems,
}: {
  step: FlowNode;
  onChange: (data: unknown) => void;
  problems: readonly RulesProblem[];
}) {
  switch (step.type) {
    case 'trigger':
      return <TriggerStepForm step={step} onChange={onChange} />;
    case 'condition':
      return <ConditionStepForm step={step} onChange={onChange} />;
    case 'wait':
      return <WaitStepForm step={step} onChange={onChange} />;
    case 'send':
    case 'ask':
      return <MessageStepForm step={step} onChange={onChange} problems={problems} />;
    case 'reach':
      return <ReachStepForm step={step} onChange={onChange} problems={problems} />;
    case 'update':
      return <UpdateStepForm step={step} onChange={onChange} />;
    case 'webhook':
      return <WebhookStepForm step={step} onChange={onChange} />;
    case 'end':
      return <EndStepForm step={step} onChange={onChange} />;
  }
}

/** The side panel of the selected step: its problems in plain language and the form of its type. */
export function StepInspector({
  step,
  problems,
  revision = 0,
}: {
  step: FlowNode | null;
  problems: readonly RulesProblem[];
  /** Changes on undo and redo, so the form starts again from the flow. */
  revision?: number;
}) {
  const t = useMessages();
  const actions = useFlowEditorActions();
  if (!step) {
    return (
      <Text c="dimmed" size="sm" p="md">
        {t.inspectorEmpty}
      </Text>
    );
  }
  const own = problems.filter((problem) => problem.nodeId === step.id && isBlockingProblem(problem));
  const warnings = problems.filter((problem) => problem.nodeId === step.id && !isBlockingProblem(problem));
  const nameOwn = (nodeId: string) => (nodeId === step.id ? summarizeStep(step, t) : undefined);
  return (
    <Stack gap="sm" p="md" component="section" aria-label={t.inspectorTitle}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <StepIcon type={step.type} step={step} />
          <Title order={4}>{t[stepWords.type[step.type]]}</Title>
        </Group>
        <CloseButton aria-label={t.close} onClick={() => actions.select([])} />
      </Group>
      {own.length > 0 && (
        <Alert color="red" title={t.stepProblems} p="xs">
          <List size="sm">
            {own.map((problem) => (
              <List.Item key={`${problem.path}:${problem.message}`}>
                {describeProblem(problem, t, nameOwn)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" title={t.stepWarnings} p="xs">
          <List size="sm">
            {warnings.map((problem) => (
              <List.Item key={`${problem.path}:${problem.message}`}>
                {describeProblem(problem, t, nameOwn)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
        <StepForm
          key={`${step.id}:${revision}`}
          step={step}
          onChange={(data) => actions.updateData(step.id, data)}
          problems={[...own, ...warnings]}
        />
      </ScrollArea.Autosize>
    </Stack>
  );
}

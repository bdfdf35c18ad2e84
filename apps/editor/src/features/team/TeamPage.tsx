import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/apiClient';
import { useClinicClock } from '../../clock';
import { useMessages } from '../../i18n/useMessages';
import { useSession } from '../auth/useSession';
import { formatMessage } from '../flows/utils/formatMessage';
import { type AccountLinkAnswer, teamApi, type UserView } from './api/teamApi';
import { InviteForm } from './components/InviteForm';

const statusColors: Record<UserView['status'], string> = {
  invited: 'blue',
  active: 'green',
  disabled: 'gray',
};

/** What the last invitation or reset did, to say under the form. */
type Outcome = { kind: 'invited' | 'reset'; answer: AccountLinkAnswer } | null;

/**
 * `/team` (managers): the clinic's users with their status and last sign-in; invitations by e-mail, password
 * resets by e-mail link, disabling and enabling. In test mode the e-mails go to the sandbox, so the page shows
 * the link for the manager to hand over.
 */
export default function TeamPage() {
  const t = useMessages();
  const { me } = useSession();
  const clock = useClinicClock();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: teamApi.list });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const invite = useMutation({
    mutationFn: teamApi.invite,
    onSuccess: (answer) => {
      setOutcome({ kind: 'invited', answer });
      void refresh();
    },
  });
  const reset = useMutation({
    mutationFn: teamApi.resetPassword,
    onSuccess: (answer) => {
      setOutcome({ kind: 'reset', answer });
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (user: UserView) =>
      user.status === 'disabled' ? teamApi.enable(user.id) : teamApi.disable(user.id),
    onSuccess: () => void refresh(),
  });
  const statusWords = {
    invited: t.teamStatusInvited,
    active: t.teamStatusActive,
    disabled: t.teamStatusDisabled,
  };
  const failure = toggle.error ?? reset.error;
  return (
    <Stack>
      <Title order={2}>{t.teamTitle}</Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t.teamIntro}
      </Text>
      <InviteForm
        pending={invite.isPending}
        error={invite.error}
        onInvite={(invitation) => invite.mutate(invitation)}
      />
      {invite.error && !(invite.error instanceof ApiError && invite.error.status === 400) && (
        <Alert color="red" role="alert">
          {invite.error.message}
        </Alert>
      )}
      {outcome && (
        <Alert color="green" role="status" data-testid="team-outcome">
          <Stack gap="xs">
            <Text size="sm">
              {formatMessage(outcome.kind === 'invited' ? t.teamInvited : t.teamResetSent, {
                email: outcome.answer.user.email,
              })}
            </Text>
            {outcome.answer.testModeLink && (
              <>
                <Text size="sm">{formatMessage(t.teamTestModeLink, { name: outcome.answer.user.name })}</Text>
                <Code block data-testid="test-mode-link">
                  {outcome.answer.testModeLink}
                </Code>
              </>
            )}
          </Stack>
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure.message}
        </Alert>
      )}
      {users.data && (
        <Table withTableBorder data-testid="team">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.teamName}</Table.Th>
              <Table.Th scope="col">{t.teamEmail}</Table.Th>
              <Table.Th scope="col">{t.teamRole}</Table.Th>
              <Table.Th scope="col">{t.teamStatus}</Table.Th>
              <Table.Th scope="col">{t.teamLastLogin}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t.teamActionsOf.replace(' {name}', '')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => {
              const isMe = user.email === me?.email;
              return (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row">
                    {user.name}
                    {isMe && ` (${t.teamYou})`}
                  </Table.Th>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.role === 'manager' ? t.roleManager : t.roleStaff}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[user.status]} variant="light">
                      {statusWords[user.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {user.lastLoginAt ? (clock?.dateTime(user.lastLoginAt) ?? '') : t.teamNever}
                  </Table.Td>
                  <Table.Td>
                    <Group
                      gap="xs"
                      role="group"
                      aria-label={formatMessage(t.teamActionsOf, { name: user.name })}
                    >
                      <Button
                        size="xs"
                        variant="subtle"
                        disabled={user.status === 'disabled'}
                        loading={reset.isPending && reset.variables === user.id}
                        onClick={() => reset.mutate(user.id)}
                      >
                        {user.status === 'invited' ? t.teamResendInvitation : t.teamResetPassword}
                      </Button>
                      {user.status !== 'invited' && !isMe && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color={user.status === 'disabled' ? 'green' : 'red'}
                          loading={toggle.isPending && toggle.variables?.id === user.id}
                          onClick={() => toggle.mutate(user)}
                        >
                          {user.status === 'disabled' ? t.teamEnable : t.teamDisable}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

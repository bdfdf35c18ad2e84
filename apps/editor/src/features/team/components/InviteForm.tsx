import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import type { UserRole } from '@clinicflow/contract';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../i18n/useMessages';
import { fieldErrors } from '../../account/utils/fieldErrors';

interface InviteFormProps {
  pending: boolean;
  error: unknown;
  onInvite: (invitation: { name: string; email: string; role: UserRole }) => void;
}

/** The invitation of a colleague by e-mail: name, address, role. */
export function InviteForm({ pending, error, onInvite }: InviteFormProps) {
  const t = useMessages();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('staff');
  const errors = fieldErrors(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onInvite({ name, email, role });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="invite-title">
      <Stack>
        <Title order={3} size="h4" id="invite-title">
          {t.teamInviteTitle}
        </Title>
        <Group align="flex-start" grow>
          <TextInput
            label={t.teamName}
            required
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t.teamEmail}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Select
            label={t.teamRole}
            data={[
              { value: 'staff', label: t.roleStaff },
              { value: 'manager', label: t.roleManager },
            ]}
            value={role}
            allowDeselect={false}
            onChange={(value) => value && setRole(value as UserRole)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={pending}>
            {t.teamInvite}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Badge } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';
import { databaseState } from '../api/fetchHealth';
import { useHealth } from '../api/useHealth';

/** A badge that says whether the clinic's database answers. */
export function DatabaseStatus() {
  const t = useMessages();
  const { data, isError, isPending } = useHealth();
  if (isPending)
    return (
      <Badge color="gray" data-testid="database-status">
        {t.databaseChecking}
      </Badge>
    );
  if (isError)
    return (
      <Badge color="red" data-testid="database-status">
        {t.apiUnreachable}
      </Badge>
    );
  const up = databaseState(data) === 'up';
  return (
    <Badge color={up ? 'teal' : 'red'} variant="light" data-testid="database-status" role="status">
      {up ? t.databaseUp : t.databaseDown}
    </Badge>
  );
}

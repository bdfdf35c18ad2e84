import { PasswordInput } from '@mantine/core';
import { useMessages } from '../../../i18n/useMessages';

/** Whether the second entry of a new password differs from the first (only once something is typed). */
export const passwordsDiffer = (password: string, again: string) => again !== '' && again !== password;

/**
 * A new password and its confirmation, with the one rule we state (12 characters; common passwords are refused
 * by the API): the same two fields wherever a password is chosen (account, invitation or reset link).
 */
export function NewPasswordFields(props: {
  label: string;
  password: string;
  again: string;
  error?: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
}) {
  const t = useMessages();
  return (
    <>
      <PasswordInput
        label={props.label}
        description={t.setupPasswordHint}
        required
        minLength={12}
        autoComplete="new-password"
        value={props.password}
        error={props.error}
        onChange={(e) => props.onPassword(e.currentTarget.value)}
      />
      <PasswordInput
        label={t.setPasswordConfirm}
        required
        autoComplete="new-password"
        value={props.again}
        error={passwordsDiffer(props.password, props.again) ? t.setPasswordMismatch : undefined}
        onChange={(e) => props.onAgain(e.currentTarget.value)}
      />
    </>
  );
}

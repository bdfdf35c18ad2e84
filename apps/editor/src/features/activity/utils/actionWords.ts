import { AUDIT_ACTIONS, type AuditAction } from '@clinicflow/contract';
import type { Messages } from '../../../i18n/messages';

/** The message key of an act: `user.password-reset` → `auditUserPasswordReset`. */
function keyOf(action: AuditAction): keyof Messages {
  return `audit${action
    .split(/[.-]/)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')}` as keyof Messages;
}

/** An act of the audit trail in the user's words ("Report exported"); its name when the interface has none. */
export function actionLabel(t: Messages, action: AuditAction): string {
  return t[keyOf(action)] ?? action;
}

/** Every act, for the Activity page's filter. */
export function actionOptions(t: Messages): { value: AuditAction; label: string }[] {
  return AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }));
}

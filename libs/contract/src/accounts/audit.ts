import { z } from 'zod';
import { instantSchema } from '../dates/dates';
import { pageFields, pageOf } from '../paging/page';

/**
 * Every act the audit trail records (docs/accounts.md lists them, and those deliberately left out). The names
 * are `<what>.<done>`; an entry carries ids, counts and filter names, never a patient's details or a message.
 */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.refused',
  'user.created',
  'user.invited',
  'user.activated',
  'user.disabled',
  'user.enabled',
  'user.password-changed',
  'user.password-reset-requested',
  'user.password-reset',
  'user.signed-out-everywhere',
  'api-key.created',
  'api-key.revoked',
  'settings.changed',
  'credits.topped-up',
  'event.processed-again',
  'flow.published',
  'flow.enabled',
  'flow.disabled',
  'flow.restored',
  'flow.deleted',
  'export.deliveries',
  'export.batch-list',
  'export.audit',
  'send.one-off',
  'send.batch',
  'patient.consent-changed',
  'patient.erased',
  'patient.exported',
  'retention.applied',
  'clinic.created',
  'clinic.disabled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const auditActionSchema = z.enum(AUDIT_ACTIONS);

/** Who acted: a user, a PMS's API key, the platform operator, someone not signed in, or the system itself. */
/** Who acted; `patient`: a patient by their own link (their preferences page), without an account. */
export const AUDIT_ACTOR_KINDS = ['user', 'api-key', 'operator', 'anonymous', 'system', 'patient'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** A detail's value: ids, counts, names of filters and sections; never free text typed about a patient. */
export const auditDetailValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);
export type AuditDetailValue = z.infer<typeof auditDetailValueSchema>;

/** One entry of the audit trail as the Activity page and the API list it. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: instantSchema,
  action: auditActionSchema,
  actor: z.object({
    kind: z.enum(AUDIT_ACTOR_KINDS),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  target: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
  details: z.record(z.string(), auditDetailValueSchema),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/audit` and `GET /api/audit/export`: a period, an act, an actor (all optional), newest first. */
export const auditQuerySchema = z
  .object({
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    action: auditActionSchema.optional(),
    actorId: z.string().trim().min(1).max(200).optional(),
    ...pageFields(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    message: 'must not be before from',
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

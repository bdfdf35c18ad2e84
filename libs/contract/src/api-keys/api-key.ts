import { z } from 'zod';
import { instantSchema } from '../dates/dates';

/**
 * What a PMS's API key may do: `events` posts events (`/api/events`), `directory` upserts patients, services,
 * resources and locations and records consent, `reports` reads deliveries, appointments and events.
 */
export const API_KEY_SCOPES = ['events', 'directory', 'reports'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);

/**
 * The scopes that only read (`reports`): a key holding only these never passes a manager's route, whatever the
 * route's scopes say (the access guard checks roles for keys too).
 */
export const READ_ONLY_API_KEY_SCOPES: readonly ApiKeyScope[] = ['reports'];

/** The scopes of a key made without any, and of the keys stored before keys had scopes. */
export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = ['events'];

/** `POST /api/api-keys`: a name, and what the key may do (`events` when left out). */
export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(apiKeyScopeSchema)
    .min(1, 'give at least one scope')
    .max(API_KEY_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'must not repeat a scope')
    .optional(),
});
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

/**
 * A key as listed: never its secret. `name` is the key's label; `createdBy` the e-mail of the manager who made
 * it; `lastUsedAt` is written at most once a minute per key.
 */
export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdBy: z.string().nullable(),
  prefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  createdAt: instantSchema,
  revokedAt: instantSchema.nullable(),
  lastUsedAt: instantSchema.nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** `POST /api/api-keys` answers the key itself, this once. */
export const createdApiKeySchema = apiKeyViewSchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

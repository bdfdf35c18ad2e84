import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { DEFAULT_API_KEY_SCOPES, type ApiKeyScope } from '@clinicflow/contract';

export type Role = 'manager' | 'staff';
export const ROLES: readonly Role[] = ['manager', 'staff'];

/** Who is calling: a user of one clinic (with a role) or one clinic's API key. */
export interface Principal {
  clinicId: string;
  kind: 'user' | 'api-key';
  userId?: string;
  email?: string;
  role?: Role;
  apiKeyId?: string;
  /** What an API key may do (its routes say which scopes they take). */
  scopes?: ApiKeyScope[];
}

export interface RequestWithPrincipal {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const PUBLIC_ROUTE = 'clinicflow:public';
export const API_KEY_ROUTE = 'clinicflow:api-key';
export const MANAGER_ROUTE = 'clinicflow:manager';

/** No credentials needed (login, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/**
 * Also accepts `X-Api-Key` (practice-management systems) besides a user's token, from a key holding one of
 * these scopes (`events` when none is named); a key without any of them gets 403.
 */
export const AllowApiKey = (...scopes: ApiKeyScope[]) =>
  SetMetadata(API_KEY_ROUTE, scopes.length ? scopes : [...DEFAULT_API_KEY_SCOPES]);
/** Only managers (flows, templates, settings, users, keys); staff get 403. */
export const ManagersOnly = () => SetMetadata(MANAGER_ROUTE, true);

/** The caller, set by the access guard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal!,
);

/** The caller's clinic: the only clinic any handler may touch. */
export const ClinicId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal!.clinicId,
);

import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { DEFAULT_API_KEY_SCOPES, type ApiKeyScope } from '@clinicflow/contract';

export type Role = 'manager' | 'staff';
export const ROLES: readonly Role[] = ['manager', 'staff'];

/** Where a request came from, as the audit trail records it (never a request's body or query). */
export interface RequestOrigin {
  address: string | null;
  userAgent: string | null;
}

/**
 * Who is calling: a user of one clinic (with a role), one clinic's API key, or the platform operator (its key,
 * `CLINICFLOW_OPERATOR_KEY`, reaches the operator routes only; its `clinicId` is empty).
 */
export interface Principal {
  clinicId: string;
  kind: 'user' | 'api-key' | 'operator';
  userId?: string;
  email?: string;
  /** The user's name, for the audit trail. */
  name?: string;
  role?: Role;
  apiKeyId?: string;
  /** The key's label (its name), for the audit trail. */
  apiKeyName?: string;
  /** What an API key may do (its routes say which scopes they take). */
  scopes?: ApiKeyScope[];
  /** Where the request came from (set by the access guard). */
  origin?: RequestOrigin;
}

export interface RequestWithPrincipal {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  ip?: string;
}

export const PUBLIC_ROUTE = 'clinicflow:public';
export const API_KEY_ROUTE = 'clinicflow:api-key';
export const MANAGER_ROUTE = 'clinicflow:manager';
export const OPERATOR_ROUTE = 'clinicflow:operator';

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
/** Only the platform operator's `X-Operator-Key` (hosting providers creating clinics); nobody else. */
export const OperatorOnly = () => SetMetadata(OPERATOR_ROUTE, true);

/** A request's address and user agent (for the routes without a principal: login, forgot password). */
export function requestOrigin(request: RequestWithPrincipal): RequestOrigin {
  const agent = request.headers['user-agent'];
  return {
    address: request.ip ?? null,
    // a user agent is the client's own text: kept short, as the audit trail shows it
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
  };
}

/** Where the request came from (address, user agent), for the audit trail. */
export const Origin = createParamDecorator((_: unknown, context: ExecutionContext): RequestOrigin =>
  requestOrigin(context.switchToHttp().getRequest<RequestWithPrincipal>()),
);

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

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, AppErrorCode } from '../../common/app-error';
import type { Env } from '../../config/env';
import { ApiKeyService } from '../api-keys/api-key.service';
import { AuthService } from './auth.service';
import { READ_ONLY_API_KEY_SCOPES, type ApiKeyScope } from '@clinicflow/contract';
import {
  API_KEY_ROUTE,
  MANAGER_ROUTE,
  OPERATOR_ROUTE,
  PUBLIC_ROUTE,
  requestOrigin,
  RequestWithPrincipal,
} from '../../http/principal';

/**
 * The one gate of the API (a global guard): every route needs a user's bearer token unless it is marked
 * public; routes marked for PMS also take `X-Api-Key` from a key holding one of the scopes they name (403
 * naming them otherwise); manager routes refuse staff with 403, and keys whose matching scopes only read
 * (`reports`) too: roles are checked for keys as for users. Operator routes take only `X-Operator-Key`.
 * A token is checked against its user on every request (active, current session version, clinic open).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeyService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const origin = requestOrigin(request);

    if (this.reflector.getAllAndOverride<boolean>(OPERATOR_ROUTE, targets)) {
      if (!this.isOperator(request.headers['x-operator-key'])) {
        throw new AppError(AppErrorCode.Unauthorized, 'X-Operator-Key is missing or wrong');
      }
      request.principal = { kind: 'operator', clinicId: '', origin };
      return true;
    }

    const apiKey = request.headers['x-api-key'];
    const scopes = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(API_KEY_ROUTE, targets);
    if (typeof apiKey === 'string' && scopes?.length) {
      const principal = await this.apiKeys.authenticate(apiKey);
      if (!principal || (await this.auth.clinicClosed(principal.clinicId))) {
        throw new AppError(AppErrorCode.Unauthorized, 'Unknown or revoked API key');
      }
      request.principal = { ...principal, origin };
      const granted = scopes.filter((scope) => principal.scopes?.includes(scope));
      if (granted.length === 0) {
        throw new AppError(
          AppErrorCode.Forbidden,
          `This API key may not do this: it needs the ${scopes.join(' or ')} scope`,
        );
      }
      // A manager's route (a write) is not for a key that only reads, whatever scopes the route names.
      if (
        this.reflector.getAllAndOverride<boolean>(MANAGER_ROUTE, targets) &&
        granted.every((scope) => READ_ONLY_API_KEY_SCOPES.includes(scope))
      ) {
        throw new AppError(AppErrorCode.Forbidden, 'This API key only reads: it may not do this');
      }
      return true;
    }

    const authorization = request.headers.authorization;
    const token = typeof authorization === 'string' ? /^Bearer (.+)$/i.exec(authorization)?.[1] : undefined;
    if (!token) throw new AppError(AppErrorCode.Unauthorized, 'Authorization: Bearer <token> is required');
    const principal = await this.auth.verify(token);
    if (!principal) throw new AppError(AppErrorCode.Unauthorized, 'Invalid or expired token');
    request.principal = { ...principal, origin };

    if (
      this.reflector.getAllAndOverride<boolean>(MANAGER_ROUTE, targets) &&
      request.principal.role !== 'manager'
    ) {
      throw new AppError(AppErrorCode.Forbidden, 'Only a manager may do this');
    }
    return true;
  }

  /** The operator's key, compared in constant time (both sides hashed to one length first). */
  private isOperator(presented: string | string[] | undefined): boolean {
    const expected = this.config.get('CLINICFLOW_OPERATOR_KEY', { infer: true });
    if (!expected || typeof presented !== 'string') return false;
    const digest = (text: string) => createHash('sha256').update(text).digest();
    return timingSafeEqual(digest(presented), digest(expected));
  }
}

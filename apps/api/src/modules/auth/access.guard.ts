import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, AppErrorCode } from '../../common/app-error';
import { ApiKeyService } from '../api-keys/api-key.service';
import { AuthService } from './auth.service';
import type { ApiKeyScope } from '@clinicflow/contract';
import { API_KEY_ROUTE, MANAGER_ROUTE, PUBLIC_ROUTE, RequestWithPrincipal } from '../../http/principal';

/**
 * The one gate of the API (a global guard): every route needs a user's bearer token unless it is marked
 * public; routes marked for PMS also take `X-Api-Key` from a key holding one of the scopes they name (403
 * naming them otherwise); manager routes refuse staff with 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();

    const apiKey = request.headers['x-api-key'];
    const scopes = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(API_KEY_ROUTE, targets);
    if (typeof apiKey === 'string' && scopes?.length) {
      request.principal = (await this.apiKeys.authenticate(apiKey)) ?? undefined;
      if (!request.principal) throw new AppError(AppErrorCode.Unauthorized, 'Unknown or revoked API key');
      if (!scopes.some((scope) => request.principal!.scopes?.includes(scope))) {
        throw new AppError(
          AppErrorCode.Forbidden,
          `This API key may not do this: it needs the ${scopes.join(' or ')} scope`,
        );
      }
      return true;
    }

    const authorization = request.headers.authorization;
    const token = typeof authorization === 'string' ? /^Bearer (.+)$/i.exec(authorization)?.[1] : undefined;
    if (!token) throw new AppError(AppErrorCode.Unauthorized, 'Authorization: Bearer <token> is required');
    request.principal = (await this.auth.verify(token)) ?? undefined;
    if (!request.principal) throw new AppError(AppErrorCode.Unauthorized, 'Invalid or expired token');

    if (
      this.reflector.getAllAndOverride<boolean>(MANAGER_ROUTE, targets) &&
      request.principal.role !== 'manager'
    ) {
      throw new AppError(AppErrorCode.Forbidden, 'Only a manager may do this');
    }
    return true;
  }
}

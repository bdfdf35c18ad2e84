import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Login, loginSchema } from '@clinicflow/contract';
import { ZodBody } from '../../http/zod-validation';
import { AccountThrottlerGuard } from './account-throttler.guard';
import { AuthService } from './auth.service';
import { CurrentPrincipal, Origin, Principal, Public, type RequestOrigin } from '../../http/principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(AccountThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in with e-mail and password; other endpoints take the token as Bearer (12 hours; ended at once by a password change, a disable or "sign out everywhere"). An e-mail with accounts in several clinics also needs `clinicId`: without it, 409 naming body.clinicId with the clinics to choose from.',
  })
  @ApiOkResponse({ schema: { example: { accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' } } })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password' })
  @ApiConflictResponse({ description: 'The e-mail has accounts in several clinics: choose one' })
  @ApiTooManyRequestsResponse({
    description:
      'After 5 wrong passwords in 15 minutes (even with the right one), or too many requests from one address; Retry-After says when to try again',
  })
  login(
    @ZodBody(loginSchema, { email: 'manager@demo.clinicflow.test', password: 'demo-manager-password' })
    body: Login,
    @Origin() origin: RequestOrigin,
  ) {
    return this.auth.login(body, origin);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to (the user’s role as it is now).' })
  @ApiOkResponse({
    schema: {
      example: {
        kind: 'user',
        clinicId: 'c0a80101-0000-4000-8000-000000000001',
        userId: '0b7c1e7e-4f0e-4b8e-9a55-1f0d8c2b3a41',
        email: 'x@y.fr',
        name: 'Camille Martin',
        role: 'manager',
      },
    },
  })
  me(@CurrentPrincipal() principal: Principal) {
    const { origin: _origin, ...me } = principal;
    return me;
  }
}

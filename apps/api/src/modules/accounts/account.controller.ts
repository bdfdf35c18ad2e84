import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  type ChangePassword,
  changePasswordSchema,
  type ForgotPassword,
  forgotPasswordSchema,
  type LinkCheck,
  linkCheckSchema,
  type SetPassword,
  setPasswordSchema,
} from '@clinicflow/contract';
import { ZodBody } from '../../http/zod-validation';
import { CurrentPrincipal, Origin, type Principal, Public, type RequestOrigin } from '../../http/principal';
import { AccountThrottlerGuard } from '../auth/account-throttler.guard';
import { AccountService } from './account.service';

const tokenExample = { accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' };
const linkToken = 'q3Jx0vT2nY8bW5cZ1kL7mP4sD9fH6gA0eR2tU8iO3yK';

/** The signed-in user's own account: a new password, signing out everywhere. */
@ApiTags('account')
@ApiBearerAuth()
@Controller('account')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change your password (the current one required; 400 naming body.currentPassword when wrong). Every other session ends; the answer is a new token for this one.',
  })
  @ApiOkResponse({ schema: { example: tokenExample } })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(changePasswordSchema, {
      currentPassword: 'my-old-password',
      newPassword: 'a-much-longer-password',
    })
    body: ChangePassword,
  ) {
    return this.account.changePassword(principal, body);
  }

  @Post('sign-out-everywhere')
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of yours, this one included (open sockets are closed).' })
  @ApiOkResponse({ schema: { example: { signedOut: true } } })
  signOutEverywhere(@CurrentPrincipal() principal: Principal) {
    return this.account.signOutEverywhere(principal);
  }
}

/** The account routes anyone may call: links to set a password, and "forgot password". Throttled per address. */
@ApiTags('auth')
@Public()
@UseGuards(AccountThrottlerGuard)
@Controller('auth')
export class AccountLinksController {
  constructor(private readonly account: AccountService) {}

  @Post('forgot-password')
  @HttpCode(202)
  @Throttle({ default: { limit: 5, ttl: 15 * 60_000 } })
  @ApiOperation({
    summary:
      'Ask for a link to choose a new password (1 h, once), e-mailed to each active account of the address. The answer is the same whether the address has an account or not.',
  })
  @ApiAcceptedResponse({ schema: { example: { accepted: true } } })
  forgotPassword(
    @ZodBody(forgotPasswordSchema, { email: 'accueil@cabinet.fr' }) body: ForgotPassword,
    @Origin() origin: RequestOrigin,
  ) {
    this.account.forgotPassword(body.email, origin);
    return { accepted: true };
  }

  @Post('links/check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What a set-password link is for: 404 unknown, 409 already used, 410 expired, 403 the account is disabled (each naming body.token).',
  })
  @ApiOkResponse({
    schema: {
      example: {
        purpose: 'invitation',
        email: 'accueil@cabinet.fr',
        name: 'Accueil',
        clinicName: 'Cabinet dentaire des Lilas',
        expiresAt: '2026-03-23T10:00:00.000Z',
      },
    },
  })
  checkLink(@ZodBody(linkCheckSchema, { token: linkToken }) body: LinkCheck) {
    return this.account.describeLink(body.token);
  }

  @Post('set-password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Choose a password with a link (once): at least 12 characters, not a common one (400 naming body.password). Every earlier session ends; the answer signs the user in.',
  })
  @ApiOkResponse({ schema: { example: tokenExample } })
  setPassword(
    @ZodBody(setPasswordSchema, { token: linkToken, password: 'a-much-longer-password' }) body: SetPassword,
    @Origin() origin: RequestOrigin,
  ) {
    return this.account.setPasswordWithLink(body, origin);
  }
}

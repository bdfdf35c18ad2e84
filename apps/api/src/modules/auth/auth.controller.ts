import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { ZodBody } from '../../http/zod-validation';
import { AuthService } from './auth.service';
import { CurrentPrincipal, Principal, Public } from '../../http/principal';

const loginSchema = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail and password; other endpoints take the token as Bearer.' })
  @ApiOkResponse({ schema: { example: { accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' } } })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password' })
  login(
    @ZodBody(loginSchema, { email: 'manager@demo.clinicflow.test', password: 'demo-manager-password' })
    body: z.infer<typeof loginSchema>,
  ) {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to.' })
  @ApiOkResponse({
    schema: {
      example: {
        kind: 'user',
        clinicId: 'c0a80101-0000-4000-8000-000000000001',
        email: 'x@y.fr',
        role: 'manager',
      },
    },
  })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}

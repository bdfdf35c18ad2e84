import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Invitation, invitationSchema } from '@clinicflow/contract';
import { ZodBody } from '../../http/zod-validation';
import { CurrentPrincipal, ManagersOnly, type Principal } from '../../http/principal';
import { TeamService } from './team.service';

const userExample = {
  id: '0b7c1e7e-4f0e-4b8e-9a55-1f0d8c2b3a41',
  email: 'accueil@cabinet.fr',
  name: 'Accueil',
  role: 'staff',
  status: 'invited',
  createdAt: '2026-03-20T10:00:00.000Z',
  lastLoginAt: null,
};
const linkAnswerExample = { user: userExample, testModeLink: null };

/** A manager's team: invitations, password resets by e-mail link, disabling and enabling users. */
@ApiTags('users')
@ApiBearerAuth()
@ManagersOnly()
@Controller('users')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Post('invitations')
  @ApiOperation({
    summary:
      'Invite a manager or staff user by e-mail: a link to choose a password, valid 72 h, usable once, sent through the clinic’s e-mail provider (the sandbox in test mode: the answer then carries the link as `testModeLink`). Inviting a pending e-mail again sends a new link.',
  })
  @ApiCreatedResponse({ schema: { example: linkAnswerExample } })
  invite(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(invitationSchema, { email: 'accueil@cabinet.fr', name: 'Accueil', role: 'staff' })
    body: Invitation,
  ) {
    return this.team.invite(principal, body);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'E-mail the user a link to choose a new password (72 h, once); their current password works until they do.',
  })
  @ApiOkResponse({
    schema: { example: { ...linkAnswerExample, user: { ...userExample, status: 'active' } } },
  })
  resetPassword(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.team.resetPassword(principal, id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Disable a user: every session ends at once (open sockets are closed); 409 for the clinic’s last active manager.',
  })
  @ApiOkResponse({ schema: { example: { ...userExample, status: 'disabled' } } })
  disable(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.team.setDisabled(principal, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user again (they sign in with their password).' })
  @ApiOkResponse({ schema: { example: { ...userExample, status: 'active' } } })
  enable(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.team.setDisabled(principal, id, false);
  }
}

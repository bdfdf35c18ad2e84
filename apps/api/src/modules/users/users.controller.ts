import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newPasswordSchema } from '@clinicflow/contract';
import { z } from 'zod';
import { ZodBody } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, type Principal, ROLES } from '../../http/principal';
import { UserService } from './user.service';

const createUserSchema = z.object({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: newPasswordSchema,
});

const userExample = {
  id: '0b7c1e7e-4f0e-4b8e-9a55-1f0d8c2b3a41',
  email: 'accueil@cabinet.fr',
  name: 'Accueil',
  role: 'staff',
  status: 'active',
  createdAt: '2026-03-20T10:00:00.000Z',
  lastLoginAt: null,
};

@ApiTags('users')
@ApiBearerAuth()
@ManagersOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Post()
  @ApiOperation({
    summary:
      'Add a manager or staff user to the clinic with a password (at least 12 characters, not a common one); inviting by e-mail (`POST /api/users/invitations`) lets the user choose it.',
  })
  @ApiCreatedResponse({ schema: { example: userExample } })
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createUserSchema, {
      email: 'accueil@cabinet.fr',
      name: 'Accueil',
      role: 'staff',
      password: 'a-long-password',
    })
    body: z.infer<typeof createUserSchema>,
  ) {
    return this.users.add(principal, body);
  }

  @Get()
  @ApiOperation({ summary: "The clinic's users, with their status (invited, active, disabled)." })
  @ApiOkResponse({ schema: { example: [userExample] } })
  list(@ClinicId() clinicId: string) {
    return this.users.list(clinicId);
  }
}

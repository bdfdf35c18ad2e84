import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { AccountController, AccountLinksController } from './account.controller';
import { AccountLinkRepository, AccountLinkUseRepository } from './account-link.repository';
import { AccountLinkService } from './account-link.service';
import { AccountMailService } from './account-mail.service';
import { AccountService } from './account.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';

/**
 * Accounts (docs/accounts.md): invitations and set-password links, password changes and resets, disabling
 * users, signing out everywhere. Above users, settings and deliveries (the e-mails are deliveries).
 */
@Module({
  imports: [UsersModule, SettingsModule, DeliveriesModule],
  controllers: [TeamController, AccountController, AccountLinksController],
  providers: [
    AccountLinkRepository,
    AccountLinkUseRepository,
    AccountLinkService,
    AccountMailService,
    AccountService,
    TeamService,
  ],
  exports: [AccountLinkService, AccountMailService],
})
export class AccountsModule {}

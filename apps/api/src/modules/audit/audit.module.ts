import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditService } from './audit.service';

/**
 * The audit trail (docs/accounts.md): global, since every module that does a security- or privacy-relevant act
 * records it here; it depends on no other module.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditEntryRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}

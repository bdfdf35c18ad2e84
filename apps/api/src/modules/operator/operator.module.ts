import { Module } from '@nestjs/common';
import { ClinicsModule } from '../clinics/clinics.module';
import { OperatorController } from './operator.controller';
import { OperatorService } from './operator.service';

/**
 * The platform operator: the HTTP routes (imported by the app only when `CLINICFLOW_OPERATOR_KEY` is set, so
 * that without it they do not exist) and the service `npm run clinic` calls.
 */
@Module({
  imports: [ClinicsModule],
  controllers: [OperatorController],
  providers: [OperatorService],
  exports: [OperatorService],
})
export class OperatorModule {}

/** The same service without the routes, for `npm run clinic` (the command line needs no HTTP route). */
@Module({
  imports: [ClinicsModule],
  providers: [OperatorService],
  exports: [OperatorService],
})
export class OperatorCommandModule {}

import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ClinicsModule } from '../clinics/clinics.module';
import { DirectoryModule } from '../directory/directory.module';
import { IntakeModule } from '../intake/intake.module';
import { FlowsModule } from '../flows/flows.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [
    ApiKeysModule,
    ClinicsModule,
    DirectoryModule,
    IntakeModule,
    FlowsModule,
    SettingsModule,
    UsersModule,
  ],
  providers: [DemoSeedRepository, DemoSeedService],
})
export class DemoModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import { Env } from './config/env';
import { DatabaseModule } from './database/database.module';
import { MetricsModule } from './metrics/metrics.module';
import { ClockModule } from './common/clock.repository';
import { PatientPageModule } from './modules/patient-page/patient-page.module';
import { PATIENT_PREFIX } from './http/patient-paths';
import { DueWorkModule } from './common/due-work';
import { ClinicEventsModule } from './common/clinic-events';
import { requestLogParams } from './http/request-log';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuditModule } from './modules/audit/audit.module';
import { OperatorCommandModule, OperatorModule } from './modules/operator/operator.module';
import { AuthModule } from './modules/auth/auth.module';
import { ClinicsModule } from './modules/clinics/clinics.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { IntakeModule } from './modules/intake/intake.module';
import { FhirModule } from './modules/fhir/fhir.module';
import { Hl7Module } from './modules/hl7/hl7.module';
import { FlowsModule } from './modules/flows/flows.module';
import { FlowActivityModule } from './modules/flow-activity/flow-activity.module';
import { MessagesModule } from './modules/messages/messages.module';
import { TemplatesModule } from './modules/templates/templates.module';
import { DeliveriesModule } from './modules/deliveries/deliveries.module';
import { LiveModule } from './modules/live/live.module';
import { ReportModule } from './modules/report/report.module';
import { StatusModule } from './modules/status/status.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { RepliesModule } from './modules/replies/replies.module';
import { SendsModule } from './modules/sends/sends.module';
import { DemoModule } from './modules/demo/demo.module';
import { EngineModule } from './modules/engine/engine.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { HealthModule } from './modules/health/health.module';
import { SettingsModule } from './modules/settings/settings.module';
import { UsersModule } from './modules/users/users.module';

function editorDistDir(env: Env) {
  return env.EDITOR_DIST_DIR ?? path.resolve(__dirname, '../../editor/dist');
}

@Module({})
export class AppModule {
  /** The whole application for a validated environment. */
  static forRoot(env: Env): DynamicModule {
    const editorDir = editorDistDir(env);
    return {
      module: AppModule,
      imports: [
        // The environment as validated, and only it: `validate` would copy every value into process.env (Nest's
        // ConfigModule does), where an app started later in the same process (a test's second app, the bench's
        // set-up) would read it in place of its own defaults.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => env],
        }),
        LoggerModule.forRoot(requestLogParams(env)),
        DatabaseModule,
        ClockModule,
        DueWorkModule,
        MetricsModule,
        ClinicEventsModule,
        LiveModule,
        HealthModule,
        AuditModule,
        AuthModule,
        AccountsModule,
        UsersModule,
        ApiKeysModule,
        ClinicsModule,
        SettingsModule,
        DirectoryModule,
        IntakeModule,
        FhirModule,
        Hl7Module,
        FlowsModule,
        FlowActivityModule,
        TemplatesModule,
        MessagesModule,
        DeliveriesModule,
        ReportModule,
        StatusModule,
        RepliesModule,
        PrivacyModule,
        SendsModule,
        DemoModule,
        WebhooksModule,
        PatientPageModule,
        EngineModule,
        OperatorCommandModule,
        // the operator's routes exist only when its key is set (docs/accounts.md)
        ...(env.CLINICFLOW_OPERATOR_KEY ? [OperatorModule] : []),
        ...(existsSync(path.join(editorDir, 'index.html'))
          ? [
              ServeStaticModule.forRoot({
                rootPath: editorDir,
                exclude: ['/api/{*path}', '/socket.io/{*path}', `/${PATIENT_PREFIX}/{*path}`, '/metrics'],
              }),
            ]
          : []),
      ],
    };
  }
}

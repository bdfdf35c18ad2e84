import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { AppModule } from './app.module';
import { InvalidEnvError, loadEnv } from './config/env';
import { DatabaseUnreachableError, waitForDatabase } from './database/wait-for-database';
import { operatorClinicSchema } from './modules/operator/operator.dto';
import { OperatorService } from './modules/operator/operator.service';

/**
 * `npm run clinic -- <command>` (scripts/clinic.mjs runs this file against the running system's database): the
 * platform operator's commands.
 *
 *   create --name <name> --time-zone <IANA zone> --manager-email <e-mail> [--manager-name <name>]
 *          [--country <ISO code, FR>] [--language <code, fr>]
 *   list
 *   disable <clinic id>
 */
const USAGE = `Usage:
  npm run clinic -- create --name "<clinic name>" --time-zone <IANA zone, e.g. Europe/Paris> --manager-email <e-mail>
                           [--manager-name "<name>"] [--country <ISO code, default FR>] [--language <code, default fr>]
  npm run clinic -- list
  npm run clinic -- disable <clinic id>`;

/** The flags of the create command, by the field of the clinic they fill. */
const FLAGS: Record<string, string> = {
  '--name': 'name',
  '--time-zone': 'timeZone',
  '--manager-email': 'manager.email',
  '--manager-name': 'manager.name',
  '--country': 'country',
  '--language': 'defaultLanguage',
};

class UsageError extends Error {}

function parseCreate(args: string[]) {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const field = FLAGS[args[i]];
    if (!field || args[i + 1] === undefined) throw new UsageError(`Unknown or incomplete option: ${args[i]}`);
    values[field] = args[i + 1];
  }
  const input = {
    name: values.name,
    timeZone: values.timeZone,
    country: values.country,
    defaultLanguage: values.defaultLanguage,
    manager: { email: values['manager.email'], name: values['manager.name'] },
  };
  const parsed = operatorClinicSchema.safeParse(input);
  if (!parsed.success) {
    const byField = Object.fromEntries(Object.entries(FLAGS).map(([flag, field]) => [field, flag]));
    throw new UsageError(
      parsed.error.issues
        .map((issue) => `${byField[issue.path.join('.')] ?? issue.path.join('.')}: ${issue.message}`)
        .join('\n'),
    );
  }
  return parsed.data;
}

async function run(command: string | undefined, args: string[]) {
  if (command !== 'create' && command !== 'list' && command !== 'disable') throw new UsageError('');
  const input = command === 'create' ? parseCreate(args) : null;
  if (command === 'disable' && !z.string().min(1).safeParse(args[0]).success) {
    throw new UsageError('disable needs the clinic id (see `npm run clinic -- list`)');
  }
  const env = loadEnv({
    ...process.env,
    SEED_DEMO: 'false',
    ENGINE_ENABLED: 'false',
    EDITOR_DIST_DIR: '/nonexistent',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  await waitForDatabase(env.MONGODB_URI, env.DATABASE_CONNECT_TIMEOUT_SECONDS);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), { logger: ['error'] });
  try {
    const operator = app.get(OperatorService);
    if (input) {
      const created = await operator.create(input);
      console.log(
        [
          `Clinic created: ${created.name} (${created.clinicId}), in test mode, starter flows as drafts.`,
          `Its manager ${created.managerEmail} chooses a password with this link (once, until ${created.expiresAt.toISOString()}):`,
          '',
          `  ${created.setPasswordLink}`,
          '',
        ].join('\n'),
      );
    } else if (command === 'list') {
      const clinics = await operator.list();
      if (clinics.length === 0) console.log('No clinic yet.');
      for (const c of clinics) {
        const state = c.disabledAt ? `disabled ${c.disabledAt.toISOString()}` : 'active';
        console.log(`${c.id}  ${c.name}  ${c.timeZone}  created ${c.createdAt.toISOString()}  ${state}`);
      }
    } else {
      await operator.disable(args[0]);
      console.log(
        `Clinic ${args[0]} disabled: its users and API keys are refused, nothing is sent any more.`,
      );
    }
  } finally {
    await app.close();
  }
}

run(process.argv[2], process.argv.slice(3)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error([error.message, USAGE].filter(Boolean).join('\n\n'));
    else if (error instanceof InvalidEnvError || error instanceof DatabaseUnreachableError) {
      console.error(error.message);
    } else console.error(`clinicflow clinic: ${(error as Error).message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

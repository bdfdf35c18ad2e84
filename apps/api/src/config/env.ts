import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PROCESS_ROLES } from './process-role';
import { trustedProxies } from './trusted-proxies';

/** The APP_SECRET this repository once defaulted to: public, so never accepted (a token it signs is forged). */
export const PUBLIC_DEVELOPMENT_SECRET = 'clinicflow-development-secret-not-for-production';
const MAKE_ONE = 'make one with `openssl rand -hex 32`';
/** Under NODE_ENV=test only, when none is given: one random secret per process, never a fixed one. */
const TEST_SECRET = randomBytes(32).toString('hex');

const appSecret = z
  .string({
    error: `is required: ${MAKE_ONE} and keep it (npm start makes one in its data directory)`,
  })
  .min(32, `must be at least 32 characters: ${MAKE_ONE}`)
  .refine((secret) => secret !== PUBLIC_DEVELOPMENT_SECRET, {
    message: `is the public development default, which anyone can read: ${MAKE_ONE}`,
  });

/** Every environment variable the API reads, validated once at start-up (see README's table). */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    MONGODB_URI: z
      .string({ error: 'is required (npm start sets it to the embedded database)' })
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
    MONGODB_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
      .default('clinicflow'),
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    EDITOR_DIST_DIR: z.string().optional(),
    /**
     * Signs access tokens and derives the key that seals provider credentials at rest. Required: start-up stops
     * without it (npm start gives one from its data directory; NODE_ENV=test makes a random one).
     */
    APP_SECRET: appSecret,
    /**
     * Earlier secrets (comma-separated), while a new APP_SECRET takes over: credentials sealed under them still
     * open, and are sealed again under APP_SECRET in the background at start. Tokens they signed do not open.
     */
    APP_SECRET_PREVIOUS: z
      .string()
      .optional()
      .transform((list) =>
        (list ?? '')
          .split(',')
          .map((secret) => secret.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(32, `each must be at least 32 characters: ${MAKE_ONE}`))),
    /** `true`: create the demo clinic at start when the database has no clinic yet (npm start sets it). */
    SEED_DEMO: z
      .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true' || value === '1'),
    /** `false`: no timers fire and nothing is dispatched by itself (tests drive the engine with `EngineService.tick`). */
    ENGINE_ENABLED: z
      .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
      .default('true')
      .transform((value) => value === 'true' || value === '1'),
    /**
     * What this process does (docs/production.md): `all` (the default: HTTP, sockets and the engine), `web`
     * (HTTP, sockets and the HL7 listener; the engine does not tick) or `worker` (the engine; HTTP answers only
     * the health and metrics routes).
     */
    CLINICFLOW_ROLE: z.enum(PROCESS_ROLES, { error: 'must be all, web or worker' }).default('all'),
    /**
     * The token Prometheus presents (`Authorization: Bearer …`) to read `GET /metrics`; at least 32 characters.
     * Unset: `/metrics` does not exist.
     */
    METRICS_TOKEN: z
      .string()
      .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32), or left unset')
      .optional(),
    /** Milliseconds between two engine ticks (due timers, due deliveries, leftover events). */
    ENGINE_TICK_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
    /** How long a process owns a send it claimed; after that, another process recovers it (scenario 11). */
    DISPATCH_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /**
     * The queue's consistency sweep (docs/engine.md, "Crash table"): how often the engine looks for deliveries
     * that wait without a queue entry, and how old a change must be before it looks (younger: its writer may be
     * between its two writes; an entry the sweep gives meanwhile is harmless, the writer's own moves it).
     */
    QUEUE_REPAIR_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    QUEUE_REPAIR_SETTLE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
    /**
     * Deliveries taken per dispatcher batch, and sends in flight at once per process. A scan's sends go through
     * their steps together, each step one gathered command: the more a scan takes, the fewer commands a message.
     */
    DISPATCH_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(300),
    DISPATCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(300),
    /** `test` lets the API make its own APP_SECRET; `development` and `test` let localhost pages open live events. */
    NODE_ENV: z.string().optional(),
    /** The public base URL of the API (e.g. https://clinic.example.com), for provider callback URLs and signatures. */
    PUBLIC_URL: z.string().url('must be a URL such as https://clinic.example.com').optional(),
    /**
     * The proxies in front of the web processes (a load balancer, a TLS front) trusted to say the client's address
     * in `X-Forwarded-For`: a number of proxies, or their addresses and ranges (`loopback`, `10.0.0.0/8`…),
     * comma-separated. Unset: none, the address is the connection's. The address is what the login throttle
     * counts and what consent evidence and the audit trail record.
     */
    TRUST_PROXY: z
      .string()
      .refine((value) => trustedProxies(value) !== null, {
        message:
          'must be a number of proxies (1 to 10), or addresses and ranges such as 10.0.0.0/8 or loopback, comma-separated',
      })
      .optional(),
    /**
     * Provider hosts (`host` or `host:port`, comma-separated) the server may reach although they are local or
     * private addresses (a test peer, an SMS gateway on the clinic's network); any other provider host must
     * resolve to public addresses only.
     */
    CLINICFLOW_ALLOWED_PROVIDER_HOSTS: z.string().optional(),
    /**
     * The port of the HL7 v2 listener (MLLP, docs/integrations.md); unset: no listener. Each clinic connects its
     * PMS in the settings (its sending facility, a secret or allowed peers).
     */
    HL7_MLLP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** The address the HL7 listener binds to (default: every interface, as the API's HOST). */
    HL7_MLLP_HOST: z.string().min(1).default('0.0.0.0'),
    /** PEM files of the HL7 listener's certificate and key: MLLP over TLS when both are given. */
    HL7_MLLP_TLS_CERT: z.string().min(1).optional(),
    HL7_MLLP_TLS_KEY: z.string().min(1).optional(),
    /**
     * The platform operator's key (`X-Operator-Key`) for the clinic routes of hosting providers
     * (`/api/operator/clinics`). Unset: those routes do not exist. Set: at least 32 characters, or start-up stops.
     */
    CLINICFLOW_OPERATOR_KEY: z
      .string()
      .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32), or left unset')
      .optional(),
  })
  .refine((env) => env.CLINICFLOW_ROLE !== 'worker' || env.ENGINE_ENABLED, {
    path: ['CLINICFLOW_ROLE'],
    message: 'is worker while ENGINE_ENABLED is false: a worker runs the engine (unset ENGINE_ENABLED)',
  })
  .refine((env) => Boolean(env.HL7_MLLP_TLS_CERT) === Boolean(env.HL7_MLLP_TLS_KEY), {
    path: ['HL7_MLLP_TLS_KEY'],
    message: 'HL7_MLLP_TLS_CERT and HL7_MLLP_TLS_KEY go together: give both or neither',
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws one error that lists every bad variable (never their values). */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const withTestSecret =
    source.NODE_ENV === 'test' && source.APP_SECRET === undefined
      ? { ...source, APP_SECRET: TEST_SECRET }
      : source;
  const result = envSchema.safeParse(withTestSecret);
  if (!result.success) {
    throw new InvalidEnvError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Hides the password of a MongoDB URI so it can be logged. */
export function maskUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:****@');
}

/** Types of embedded-database.mjs for the TypeScript callers (test set-up). */
export interface RunningDatabase {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  pid?: number;
  logFile?: string;
  stop(): Promise<void>;
}

export function maskUri(uri: string): string;
export function freePort(): Promise<number>;
export function startDatabase(options: {
  dataDir: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}): Promise<RunningDatabase>;

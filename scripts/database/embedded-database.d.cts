/** Types of embedded-database.cjs for the TypeScript callers (test set-up). */
export interface RunningDatabase {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  pid?: number;
  logFile?: string;
  stop(): Promise<void>;
}

export function startDatabase(options: {
  dataDir: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}): Promise<RunningDatabase>;

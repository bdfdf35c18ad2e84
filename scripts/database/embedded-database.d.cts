/** Types of embedded-database.cjs for the TypeScript callers (test set-up). */
export interface RunningDatabase {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  pid?: number;
  logFile?: string;
  /** Started servers: a process the guard lets finish before it stops a server whose starter is gone. */
  alsoWaitFor?(pid: number): void;
  stop(): Promise<void>;
}

export function startDatabase(options: {
  dataDir: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  port?: number;
}): Promise<RunningDatabase>;

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number>;

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorSummary, loggedError } from './logged-error';

/** The log calls of a source text that put an error's message (or any `.message`) in the line. */
function callsQuotingMessages(source: string): string[] {
  const calls = source.match(/logger\.(?:log|warn|error|debug|verbose|fatal)\(([\s\S]*?)\);/g) ?? [];
  return calls.filter((call) => /\.message\b/.test(call));
}

function sourcesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe(loggedError.name, () => {
  // a driver's refusal quotes the value it refused: here a patient's name typed in a search box
  const refusal = Object.assign(new Error('regular expression must not contain null bytes: Dupont\u0000'), {
    name: 'BSONError',
    code: 'ERR_X',
  });

  it('should keep the class, the code and the frames, never the message', () => {
    const line = loggedError(refusal);
    expect(line).toMatch(/^BSONError \(code ERR_X\): message withheld from the log\n\s+at /);
    expect(line).not.toContain('Dupont');
  });

  it('should say one line for a warning, and name what was thrown when it is not an error', () => {
    expect(errorSummary(refusal)).toBe('BSONError (code ERR_X): message withheld from the log');
    expect(errorSummary('Dupont')).toBe('Non-error thrown (string)');
  });
});

describe('log lines of the API', () => {
  it('should find a log call that quotes an error message (the check can fail)', () => {
    const source =
      'try {} catch (error) {\n  this.logger.error(\n    `failed: ${(error as Error).message}`,\n  );\n}';
    expect(callsQuotingMessages(source)).toHaveLength(1);
  });

  it('should quote no error message in any log call of apps/api/src (they may carry patients’ details)', () => {
    const offenders = sourcesUnder(path.resolve(__dirname, '..')).flatMap((file) =>
      callsQuotingMessages(readFileSync(file, 'utf8')).map((call) => `${path.basename(file)}: ${call}`),
    );
    expect(offenders).toEqual([]);
  });
});

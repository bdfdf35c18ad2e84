/** A problem in a template, at a 1-based line and column: bad syntax, unknown variable, missing value. */
export interface TemplateProblem {
  code: 'syntax' | 'unknown-variable' | 'unknown-helper' | 'missing-value' | 'helper';
  message: string;
  line: number;
  column: number;
}

/** A readable position suffix, " (line 1, column 9)". */
export function describePosition(problem: Pick<TemplateProblem, 'line' | 'column'>): string {
  return ` (line ${problem.line}, column ${problem.column})`;
}

import type { RulesProblemCode, RulesProblemParams } from '../validation/problem-code';
import { RulesErrorCode, rulesErrorMessage } from './rules-error-code';

/** One problem found in a flow or in an input, in words a practice manager understands. */
export interface RulesProblem {
  nodeId: string | null;
  path: string;
  message: string;
  /** The kind of problem, for interfaces that say it in their own words (absent on engine-time problems). */
  code?: RulesProblemCode;
  params?: RulesProblemParams;
  /** `warning`: worth knowing, but it neither makes the flow invalid nor blocks publishing; absent means an error. */
  severity?: RulesProblemSeverity;
}

/** How much a problem matters: an error blocks publishing, a warning does not. */
export type RulesProblemSeverity = 'error' | 'warning';

/** Whether a problem blocks publishing (every problem but a warning). */
export function isBlockingProblem(problem: Pick<RulesProblem, 'severity'>): boolean {
  return problem.severity !== 'warning';
}

/** The typed error of the rules library: a code, a message and the problems behind it. */
export class RulesError extends Error {
  override readonly name = 'RulesError';

  constructor(
    readonly code: RulesErrorCode,
    readonly problems: RulesProblem[] = [],
    message: string = rulesErrorMessage(code),
  ) {
    super(message);
  }
}

/** Whether a value is a RulesError (also across package copies). */
export function isRulesError(value: unknown): value is RulesError {
  return (
    value instanceof RulesError || (value instanceof Error && value.name === 'RulesError' && 'code' in value)
  );
}

/** Every error the rules library raises, by code; the API maps each code to an HTTP status. */
export enum RulesErrorCode {
  InvalidFlow = 'RULES_INVALID_FLOW',
  InvalidContext = 'RULES_INVALID_CONTEXT',
  InvalidSimulationRequest = 'RULES_INVALID_SIMULATION_REQUEST',
  UnknownNode = 'RULES_UNKNOWN_NODE',
  UnknownTimeZone = 'RULES_UNKNOWN_TIME_ZONE',
  InvalidTime = 'RULES_INVALID_TIME',
  RunEnded = 'RULES_RUN_ENDED',
}

/** A plain-language sentence for each error code (exhaustive: a new code fails to compile until worded). */
export function rulesErrorMessage(code: RulesErrorCode): string {
  switch (code) {
    case RulesErrorCode.InvalidFlow:
      return 'The flow has problems that must be fixed first.';
    case RulesErrorCode.InvalidContext:
      return 'The clinic, patient or appointment data is incomplete or malformed.';
    case RulesErrorCode.InvalidSimulationRequest:
      return 'The simulation request is incomplete or malformed.';
    case RulesErrorCode.UnknownNode:
      return 'The run points at a step that is not in this flow version.';
    case RulesErrorCode.UnknownTimeZone:
      return 'The clinic time zone is not a known IANA time zone.';
    case RulesErrorCode.InvalidTime:
      return 'A date or time could not be read.';
    case RulesErrorCode.RunEnded:
      return 'This run has already ended.';
  }
}

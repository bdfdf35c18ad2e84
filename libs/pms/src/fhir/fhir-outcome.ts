import type { Bundle, OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

type Severity = OperationOutcomeIssue['severity'];
type IssueCode = OperationOutcomeIssue['code'];

/** One issue of an OperationOutcome: what is wrong (`details.text`) and where (`expression`, a FHIRPath). */
export function fhirIssue(
  severity: Severity,
  code: IssueCode,
  path: string | null,
  text: string,
): OperationOutcomeIssue {
  return { severity, code, details: { text }, ...(path ? { expression: [path] } : {}) };
}

/** An error naming the FHIR path and the reason (`Appointment.start`, "must be an instant with a zone"). */
export function fhirError(
  path: string | null,
  text: string,
  code: IssueCode = 'value',
): OperationOutcomeIssue {
  return fhirIssue('error', code, path, text);
}

/** A warning: the resource is taken, but something in it was left out. */
export function fhirWarning(
  path: string | null,
  text: string,
  code: IssueCode = 'value',
): OperationOutcomeIssue {
  return fhirIssue('warning', code, path, text);
}

/** What happened to a resource that was taken (or deliberately not applied). */
export function fhirInformation(path: string | null, text: string): OperationOutcomeIssue {
  return fhirIssue('information', 'informational', path, text);
}

/** Whether any of the issues refuses the resource. */
export function hasErrors(issues: readonly OperationOutcomeIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error' || issue.severity === 'fatal');
}

/** An OperationOutcome of these issues; FHIR wants at least one, so none reads "All OK". */
export function operationOutcome(issues: readonly OperationOutcomeIssue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.length > 0 ? [...issues] : [fhirInformation(null, 'All OK')],
  };
}

/** How one entry of a transaction or batch ended: an HTTP status and its outcome. */
export interface FhirEntryAnswer {
  status: number;
  outcome: OperationOutcome;
  /** `Appointment/<id>`, `Patient/<id>`: the entry's resource as clinicflow knows it, when it was taken. */
  location?: string;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

/** A `transaction-response` or `batch-response` Bundle: one entry per entry received, in the same order. */
export function bundleResponse(
  type: 'transaction-response' | 'batch-response',
  answers: readonly FhirEntryAnswer[],
): Bundle {
  return {
    resourceType: 'Bundle',
    type,
    entry: answers.map(({ status, outcome, location }) => ({
      response: {
        status: `${status} ${REASONS[status] ?? ''}`.trim(),
        ...(location ? { location } : {}),
        outcome,
      },
    })),
  };
}

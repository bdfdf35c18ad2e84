/**
 * What the log keeps of an error: its class, its code and, for an error line, where it was thrown — never its
 * message. A driver's message quotes what it refused (a searched text, a key, a duplicate value), ours may quote
 * a number or a template's text, and an event's or a request's values may be a patient's details, which never
 * reach the log. What an error means for a message is recorded on the delivery or the run, not here.
 */
export function loggedError(error: unknown): string {
  return [errorSummary(error), ...framesOf(error)].join('\n');
}

/** One line for a warning: the error's class and code ("MongoServerError (code 2)"), never its message. */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return `Non-error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const codeText = typeof code === 'string' || typeof code === 'number' ? ` (code ${code})` : '';
  return `${error.name}${codeText}: message withheld from the log`;
}

function framesOf(error: unknown): string[] {
  if (!(error instanceof Error)) return [];
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
}

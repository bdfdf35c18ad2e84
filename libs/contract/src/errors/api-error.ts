import { z } from 'zod';

/** One problem with a request (api.md): `path` names the field, as `body.patient.mobile` or `query.status`. */
export const apiProblemSchema = z.object({ path: z.string(), message: z.string() });
export type ApiProblem = z.infer<typeof apiProblemSchema>;

/** The body of every error answer of the API (api.md): `{ statusCode, message, errors: [{ path, message }] }`. */
export const apiErrorBodySchema = z.object({
  statusCode: z.number().int().min(400).max(599),
  message: z.string(),
  errors: z.array(apiProblemSchema),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

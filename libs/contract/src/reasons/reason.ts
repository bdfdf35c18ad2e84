import { z } from 'zod';

/**
 * A reason as a code with its parameters (the rules library's `Reason`): why a message was skipped, moved or
 * cancelled, why a condition answered as it did, why a run ended. The editor words it in the user's language;
 * the English sentence that comes with it is kept for exports and for data stored before codes existed. The code
 * is a plain string here, so that an older editor reads a newer code (it then shows the sentence).
 */
export const reasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ReasonView = z.infer<typeof reasonSchema>;

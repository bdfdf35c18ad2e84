import { CALLBACK_SIGNATURE_HEADER, signCallback } from '@clinicflow/channels';
import type { Response } from 'supertest';
import type { TestClinic, useTestContext } from './test-app';

type Context = ReturnType<typeof useTestContext>;

/** How a sandbox callback is signed: with the clinic's secret (default), another secret, a given header, or not. */
export type Signing = { secret: string } | { header: string } | 'unsigned';

const secrets = new Map<string, string>();

/** The clinic's callback secret, as a manager reads it in the provider settings (asked once per clinic). */
export async function callbackSecretOf(ctx: Context, clinic: TestClinic): Promise<string> {
  let secret = secrets.get(clinic.clinicId);
  if (!secret) {
    secret = (
      (await ctx.as(clinic).get('/api/settings/callback-secret').expect(200)).body as { secret: string }
    ).secret;
    secrets.set(clinic.clinicId, secret);
  }
  return secret;
}

/** Forgets the clinic's secret read before (after a test regenerated it). */
export function forgetCallbackSecret(clinic: TestClinic) {
  secrets.delete(clinic.clinicId);
}

/**
 * Posts a callback as the clinic's sandbox provider would (`inbound`: a patient's reply; `status`: a receipt):
 * the JSON body signed with the clinic's callback secret in X-Clinicflow-Signature. Answers the response.
 */
export async function postSandboxCallback(
  ctx: Context,
  clinic: TestClinic,
  kind: 'inbound' | 'status',
  body: object,
  signing?: Signing,
): Promise<Response> {
  const raw = JSON.stringify(body);
  const request = ctx
    .http()
    .post(`/api/providers/${clinic.clinicId}/sandbox/${kind}`)
    .set('Content-Type', 'application/json');
  if (signing !== 'unsigned') {
    const header =
      signing && 'header' in signing
        ? signing.header
        : signCallback(signing?.secret ?? (await callbackSecretOf(ctx, clinic)), raw);
    request.set(CALLBACK_SIGNATURE_HEADER, header);
  }
  return request.send(raw);
}

import { channelSchema, type Channel, type ConsentPurpose, type PatientContext } from '@clinicflow/rules';
import type { PatientDocument } from './directory.repository';

/**
 * A patient's consent as the rules library reads it (T3): per channel, whether consent is in force and what it
 * covers. The evaluator and the dispatcher's last checks both read it from here, so they decide alike.
 */
export function patientConsentContext(
  patient: Pick<PatientDocument, 'consent'> | null,
): Pick<PatientContext, 'consent' | 'consentPurposes'> {
  const consent: Partial<Record<Channel, boolean>> = {};
  const consentPurposes: Partial<Record<Channel, ConsentPurpose[]>> = {};
  for (const channel of channelSchema.options) {
    const record = patient?.consent?.[channel];
    if (!record) continue;
    consent[channel] = record.granted === true;
    consentPurposes[channel] = record.purposes as ConsentPurpose[];
  }
  return { consent, consentPurposes };
}

import type { Channel } from '../settings/settings.dto';
import type { ConsentRecord, PatientDocument } from './directory.repository';

/** One consent decision as the patient's history keeps it. */
export type ConsentEvidence = ConsentRecord & { channel: Channel };

/** What recording decisions changes: the records in force that are replaced, and the evidence added. */
export interface ConsentOutcome {
  records: Partial<Record<Channel, ConsentRecord>>;
  history: ConsentEvidence[];
}

const samePurposes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((purpose) => b.includes(purpose));

const sameEvidence = (a: ConsentEvidence, b: ConsentEvidence) =>
  a.channel === b.channel &&
  a.granted === b.granted &&
  a.source === b.source &&
  new Date(a.at).getTime() === new Date(b.at).getTime() &&
  samePurposes(a.purposes, b.purposes);

/**
 * What recording consent decisions does to a patient (T3), per channel: a decision saying what the record in
 * force says (granted, purposes) adds nothing (a PMS restates its patients' consent with every event); one
 * made before the record in force (the PMS's word from before a STOP reply) is kept as evidence in the history
 * only, once; any other becomes the record in force and is added to the history.
 */
export function decideConsent(
  patient: Pick<PatientDocument, 'consent' | 'consentHistory'> | null,
  decisions: Partial<Record<Channel, ConsentRecord>>,
): ConsentOutcome {
  const outcome: ConsentOutcome = { records: {}, history: [] };
  for (const [channel, decision] of Object.entries(decisions) as [Channel, ConsentRecord][]) {
    const current = patient?.consent?.[channel];
    if (
      current &&
      current.granted === decision.granted &&
      samePurposes(current.purposes, decision.purposes)
    ) {
      continue;
    }
    const evidence = { channel, ...decision };
    if (current && decision.at.getTime() < new Date(current.at).getTime()) {
      const known = (patient?.consentHistory ?? []).some((entry) => sameEvidence(entry, evidence));
      if (!known) outcome.history.push(evidence);
      continue;
    }
    outcome.records[channel] = decision;
    outcome.history.push(evidence);
  }
  return outcome;
}

import { normaliseNumberFor } from '@clinicflow/channels';
import { reasonOf, type Reason, type RecipientType } from '@clinicflow/rules';
import type { DeliveryDocument } from '../deliveries/delivery.document';

/** Where a message goes: the address to hand to the provider, or why it cannot go there (a skip's reason). */
export type RecipientAddress = { ok: true; address: string } | { ok: false; reason: string; why: Reason };

const WHOSE: Record<RecipientType, string> = {
  patient: "The patient's",
  resource: "The practitioner's",
  'referring-doctor': "The referring doctor's",
  'clinic-admin': "The clinic admin's",
  custom: "The recipient's",
};

/**
 * The address of a delivery as the provider must get it (T4): every number, whoever it belongs to (patient,
 * practitioner, referring doctor, clinic admin, a custom recipient), in E.164 with the clinic's country; an SMS
 * or a WhatsApp message only to a mobile. A number that cannot be read is refused with the reason, for the report.
 */
export function recipientAddress(delivery: DeliveryDocument, country: string): RecipientAddress {
  const address = delivery.recipient.address ?? '';
  if (delivery.channel === 'email') return { ok: true, address: address.trim() };
  const number = normaliseNumberFor(delivery.channel, address, country);
  if (number.valid) return { ok: true, address: number.e164 };
  return {
    ok: false,
    reason: `${WHOSE[delivery.recipient.type]} number cannot be used: ${number.reason}`,
    // the number's own problem stays in the sentence: it quotes what was typed, which a code cannot word
    why: reasonOf('invalid-number', { who: delivery.recipient.type }),
  };
}

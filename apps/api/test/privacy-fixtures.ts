import type { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import { DateTime } from 'luxon';

/** A patient whose details appear nowhere else in the database, so any document naming them is theirs. */
export const subject = {
  externalId: 'PAT-ERASE-7731',
  firstName: 'Zéphyrine',
  lastName: 'Quimperlé',
  mobile: '06 12 34 98 76',
  e164: '+33612349876',
  email: 'zephyrine.quimperle@example.org',
};

/** Every string that names the subject: a document holding any of them holds their personal data. */
export const subjectTerms = [
  subject.externalId,
  subject.firstName,
  subject.lastName,
  subject.mobile,
  subject.e164,
  subject.email,
];

/** A PMS booking of `subject` (or of another patient given), `start` clinic-local in Paris. */
export function bookingOf(
  id: string,
  appointmentId: string,
  start: string,
  patient: Partial<typeof subject> = subject,
) {
  const startAt = DateTime.fromISO(start, { zone: 'Europe/Paris' });
  return {
    id,
    type: 'appointment.booked',
    occurredAt: '2026-03-02T08:00:00Z',
    appointment: {
      externalId: appointmentId,
      start: startAt.toISO(),
      end: startAt.plus({ minutes: 30 }).toISO(),
      source: 'online',
      serviceExternalId: 'S-CHECK',
      resourceExternalId: 'R-DUPONT',
      locationExternalId: 'L-MAIN',
      notes: `Patient ${patient.lastName} asked for the morning`,
    },
    patient: {
      externalId: patient.externalId,
      firstName: patient.firstName,
      lastName: patient.lastName,
      mobile: patient.mobile,
      email: patient.email,
      language: 'fr',
    },
  };
}

/**
 * For every collection of the database (`listCollections`), how many documents name one of `terms` anywhere in
 * their JSON: what the acceptance of issue 17 counts before and after an erasure.
 */
export async function countNaming(
  app: INestApplication,
  terms: readonly string[],
): Promise<Record<string, number>> {
  const db = app.get(Db);
  const counts: Record<string, number> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const documents = await db.collection(name).find({}).toArray();
    counts[name] = documents.filter((document) => {
      const json = JSON.stringify(document);
      return terms.some((term) => json.includes(term));
    }).length;
  }
  return counts;
}

/** The sum of the counts. */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

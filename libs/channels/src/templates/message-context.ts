import type { Language } from '../languages/language';

/** The clinic as templates see it; `timeZone`, `language`, `country` and `currency` drive formatting. */
export interface ClinicContext {
  name: string;
  phone: string;
  website: string;
  timeZone: string;
  language: Language;
  country: string;
  currency: string;
}

/** Everything a template may use: the facts about one appointment and its patient (C3). */
export interface MessageContext {
  clinic: ClinicContext;
  patient: { firstName: string; lastName: string; mobile: string; address: string; email?: string };
  resource: { fullName: string; address: string; phone: string };
  /** `start` and `end` are ISO 8601 instants; the date variables are derived from them. */
  appointment: { start: string; end: string; notes: string };
  service: {
    name: string;
    price: number;
    duration: number;
    notes: string;
    prerequisites: string;
    group: string;
  };
  insurance: { name: string };
  location: { name: string; city: string; phone: string; address: string; notes: string };
  links: { confirm: string; cancel: string; optOut: string };
  reply: { confirm: string; cancel: string; stop: string };
}

/** A context given in parts: anything left out is taken from the sample. */
export type PartialMessageContext = { [K in keyof MessageContext]?: Partial<MessageContext[K]> };

/** Sample data for previews: Léa Martin's check-up on Thursday 3 December 2026 at 09:30 in Paris. */
export function sampleMessageContext(): MessageContext {
  return {
    clinic: {
      name: 'Cabinet du Parc',
      phone: '+33142685300',
      website: 'https://cabinet-du-parc.example',
      timeZone: 'Europe/Paris',
      language: 'fr',
      country: 'FR',
      currency: 'EUR',
    },
    patient: {
      firstName: 'Léa',
      lastName: 'Martin',
      mobile: '+33612345678',
      address: '12 rue des Lilas, 75011 Paris',
      email: 'lea.martin@example.org',
    },
    resource: { fullName: 'Dr Hugo Bernard', address: '3 place du Parc, 75011 Paris', phone: '+33142685301' },
    appointment: { start: '2026-12-03T08:30:00.000Z', end: '2026-12-03T09:00:00.000Z', notes: '' },
    service: {
      name: 'Détartrage',
      price: 45,
      duration: 30,
      notes: '',
      prerequisites: 'Apportez votre carte Vitale.',
      group: 'Soins dentaires',
    },
    insurance: { name: 'MGEN' },
    location: {
      name: 'Cabinet du Parc',
      city: 'Paris',
      phone: '+33142685300',
      address: '3 place du Parc, 75011 Paris',
      notes: 'Interphone 12',
    },
    links: {
      confirm: 'https://cabinet-du-parc.example/r/abc/confirm',
      cancel: 'https://cabinet-du-parc.example/r/abc/cancel',
      optOut: 'https://cabinet-du-parc.example/r/abc/stop',
    },
    reply: { confirm: 'C', cancel: 'N', stop: 'STOP' },
  };
}

/** Fills the parts a caller left out from the sample context, group by group. */
export function completeMessageContext(partial: PartialMessageContext = {}): MessageContext {
  const sample = sampleMessageContext();
  const result = { ...sample } as Record<string, unknown>;
  for (const [group, values] of Object.entries(partial)) {
    const base = (sample as unknown as Record<string, object>)[group] ?? {};
    result[group] = { ...base, ...(values as object) };
  }
  return result as unknown as MessageContext;
}

import type { EvaluationContext } from './evaluation-context.schema';

/** Sample data for previews and simulations when the caller leaves parts of the context out. */
export const sampleContext: Omit<EvaluationContext, 'event'> = {
  clinic: {
    id: 'clinic-sample',
    name: 'Cabinet dentaire du Parc',
    phone: '+33 1 23 45 67 89',
    timeZone: 'Europe/Paris',
    defaultLanguage: 'fr',
    communicationsEnabled: true,
    channels: { sms: true, email: true, voice: true },
    consentMode: 'all-with-valid-contact',
    quietHours: { nightly: { from: '21:00', to: '08:00' }, noSendWeekdays: [], holidays: [] },
    limits: { minimumLeadTimeHours: 12, oneReminderPerDay: true },
    unreliable: { noShowRateThreshold: 0.3, minimumVisits: 3 },
    adminEmail: 'admin@cabinet-du-parc.example',
  },
  patient: {
    id: 'patient-sample',
    firstName: 'Léa',
    lastName: 'Martin',
    mobile: '+33612345678',
    email: 'lea.martin@example.com',
    language: 'fr',
    consent: { sms: true, email: true, voice: true },
    attendance: { visits: 8, noShows: 0 },
  },
  appointment: {
    id: 'appointment-sample',
    start: '2026-05-12T10:00:00+02:00',
    end: '2026-05-12T10:30:00+02:00',
    status: 'booked',
    confirmation: 'pending',
    source: 'online',
    serviceId: 'service-sample',
    resourceId: 'resource-sample',
    locationId: 'location-sample',
  },
  service: {
    id: 'service-sample',
    name: 'Détartrage',
    channels: { sms: true, email: true, voice: true },
    recallMonths: 6,
  },
  resource: {
    id: 'resource-sample',
    name: 'Dr Martin',
    email: 'dr.martin@cabinet-du-parc.example',
    mobile: '+33698765432',
  },
  location: { id: 'location-sample', name: 'Cabinet du Parc', city: 'Paris', address: '12 rue du Parc' },
  recentDeliveries: [],
  // what a daily trigger's run has (F10): Dr Martin's appointments of the next day
  dayList: {
    date: '2026-05-12T00:00:00+02:00',
    count: 2,
    appointments: [
      {
        start: '2026-05-12T10:00:00+02:00',
        end: '2026-05-12T10:30:00+02:00',
        patientName: 'Léa Martin',
        serviceName: 'Détartrage',
      },
      { start: '2026-05-12T11:15:00+02:00', patientName: 'Hugo Petit', serviceName: 'Contrôle' },
    ],
  },
};

/** The demo clinic's people and catalogue: a dental practice in Paris. */
export const DEMO_CLINIC = {
  name: 'Cabinet dentaire des Lilas',
  timeZone: 'Europe/Paris',
  country: 'FR',
  defaultLanguage: 'fr',
};

export const DEMO_MANAGER = {
  email: 'manager@demo.clinicflow.test',
  password: 'clinicflow-demo-manager',
  name: 'Claire Dubois',
};
export const DEMO_STAFF = {
  email: 'accueil@demo.clinicflow.test',
  password: 'clinicflow-demo-staff',
  name: 'Accueil',
};

export const DEMO_SERVICES = [
  {
    externalId: 'S-CTRL',
    name: 'Contrôle',
    durationMinutes: 30,
    price: 30,
    recallIntervalMonths: 12,
    prerequisites: 'Apportez votre carte Vitale.',
  },
  {
    externalId: 'S-HYG',
    name: 'Hygiène (détartrage)',
    durationMinutes: 45,
    price: 60,
    recallIntervalMonths: 6,
    notes: 'Brossage avant le rendez-vous.',
  },
  {
    externalId: 'S-SOIN',
    name: 'Soins',
    durationMinutes: 60,
    price: 90,
    prerequisites: 'Prévenez-nous de tout traitement anticoagulant.',
  },
] as const;

/** The staff-notice starter is off in the demo, so the practitioners need no e-mail address here. */
export const DEMO_RESOURCES = [
  { externalId: 'R-MARTIN', name: 'Dr Martin', kind: 'practitioner', phone: '+33145678901' },
  { externalId: 'R-NGUYEN', name: 'Dr Nguyen', kind: 'practitioner', phone: '+33145678902' },
  { externalId: 'R-FAUTEUIL3', name: 'Fauteuil 3 (hygiéniste)', kind: 'chair' },
] as const;

export const DEMO_LOCATIONS = [
  {
    externalId: 'L-LILAS',
    name: 'Cabinet des Lilas',
    address: '12 rue des Lilas',
    city: 'Paris',
    phone: '+33145678900',
    notes: 'Interphone 12, 2e étage.',
  },
  {
    externalId: 'L-BAGNOLET',
    name: 'Annexe Bagnolet',
    address: '4 avenue Gambetta',
    city: 'Bagnolet',
    phone: '+33145678910',
  },
] as const;

export const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Emma',
  'Gabriel',
  'Manon',
  'Arthur',
  'Inès',
  'Jules',
  'Camille',
  'Lucas',
  'Sarah',
  'Nathan',
  'Zoé',
  'Adam',
  'Jade',
  'Raphaël',
  'Alice',
  'Tom',
];
export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'Roux',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
];

/** A small deterministic generator, so every demo database looks the same. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

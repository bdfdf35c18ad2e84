import type { clockMessages as en } from '../en/clockMessages';

/** L’horloge de l’établissement (`src/clock`). */
export const clockMessages = {
  clockClinicTime: 'Heures de l’établissement ({zone})',
  clockZoneColumn: '{label} ({zone})',
} satisfies Record<keyof typeof en, string>;

/** The clinic's clock (`src/clock`): where the times shown are read. */
export const clockMessages = {
  clockClinicTime: 'Times are the clinic’s ({zone})',
  clockZoneColumn: '{label} ({zone})',
};

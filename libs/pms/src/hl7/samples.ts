/** What a sample SIU message says (`siuMessage`): every field a clinic's PMS usually fills. */
export interface SiuSample {
  trigger: 'S12' | 'S13' | 'S14' | 'S15' | 'S17' | 'S26';
  controlId: string;
  facility: string;
  /** MSH-3, the sending application (`PMS` when not said). */
  application?: string;
  /** MSH-8, the clinic's shared secret. */
  secret?: string;
  /** MSH-18 as written (`8859/1`, `UNICODE UTF-8`), none when absent. */
  charset?: string;
  version?: string;
  /** MSH-7, an HL7 date-time. */
  sentAt?: string;
  appointment: {
    id: string;
    /** An HL7 date-time (`202603250930`, with or without an offset). */
    start?: string;
    minutes?: number;
    service?: string;
    resource?: string;
    location?: string;
    /** SCH-25, the filler status (S14). */
    status?: string;
    notes?: string;
  };
  patient?: {
    id: string;
    family?: string;
    given?: string;
    birthDate?: string;
    mobile?: string;
    email?: string;
    language?: string;
  };
}

/** A SIU message's text (segments separated by CR) as a PMS sends it, for tests, docs and a clinic's first try. */
export function siuMessage(sample: SiuSample): string {
  const { appointment: a, patient: p } = sample;
  const msh = [
    'MSH',
    '^~\\&',
    sample.application ?? 'PMS',
    sample.facility,
    'CLINICFLOW',
    'CLINICFLOW',
    sample.sentAt ?? '20260320100000',
    sample.secret ?? '',
    `SIU^${sample.trigger}^SIU_${sample.trigger === 'S12' ? 'S12' : sample.trigger}`,
    sample.controlId,
    'P',
    sample.version ?? '2.5.1',
    '',
    '',
    'AL',
    'NE',
    '',
    sample.charset ?? '',
  ];
  const segments = [
    msh.join('|'),
    [
      'SCH',
      `${a.id}^PMS`,
      `${a.id}^PMS`,
      '',
      '',
      '',
      '',
      a.service ? `${a.service}^${a.service}` : '',
      '',
      // SCH-9 and SCH-10, the duration: v2.3 systems write it there (later ones in AIS-7 as well)
      a.minutes ? String(a.minutes) : '',
      a.minutes ? 'MIN' : '',
    ]
      .concat([
        a.start ? `^^^${a.start}` : '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        a.status ?? 'Booked',
      ])
      .join('|'),
    ...(a.notes ? [`NTE|1||${a.notes}`] : []),
    ...(p
      ? [
          [
            'PID',
            '1',
            '',
            `${p.id}^^^PMS^MR`,
            '',
            `${p.family ?? ''}^${p.given ?? ''}`,
            '',
            p.birthDate ?? '',
            '',
            '',
            '',
            '',
            '',
            [p.mobile ? `^PRN^CP^^^^^^^^^${p.mobile}` : '', p.email ? `^NET^Internet^${p.email}` : '']
              .filter(Boolean)
              .join('~'),
            '',
            p.language ?? '',
          ].join('|'),
        ]
      : []),
    'RGS|1',
    ...(a.service
      ? [`AIS|1||${a.service}^${a.service}|${a.start ?? ''}|||${a.minutes ?? ''}|${a.minutes ? 'min' : ''}`]
      : []),
    ...(a.location ? [`AIL|1||^^^${a.location}`] : []),
    ...(a.resource ? [`AIP|1||${a.resource}^Practitioner`] : []),
  ];
  return segments.join('\r');
}

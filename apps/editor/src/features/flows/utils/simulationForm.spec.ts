import {
  addDays,
  defaultSimulationForm,
  momentsAround,
  receiptOnChannel,
  simulationRequestOf,
  SimulationInputError,
  type ScriptedReceipt,
  type SimulationForm,
} from './simulationForm';

const zone = 'Europe/Paris';
const directory = {
  services: [{ id: 'svc-ctrl', name: 'Contrôle' }],
  resources: [{ id: 'res-martin', name: 'Dr Martin', phone: '01 45 67 89 01' }],
};

describe(defaultSimulationForm.name, () => {
  it('should book a made-up appointment today, for a week later at 10:00 in the clinic, and look two days past it', () => {
    // 23:30 UTC on the 1st is already the 2nd in Paris: "today" is the clinic's
    const sut = defaultSimulationForm(
      'appointment.booked',
      new Date('2026-05-01T23:30:00Z'),
      zone,
      directory,
    );
    expect(sut).toMatchObject({
      source: 'form',
      eventDay: '2026-05-02',
      eventTime: '09:00',
      made: { day: '2026-05-09', time: '10:00', serviceId: 'svc-ctrl', resourceId: 'res-martin' },
      untilDay: '2026-05-11',
    });
  });
});

describe(simulationRequestOf.name, () => {
  const form = (patch: Partial<SimulationForm> = {}): SimulationForm => ({
    ...defaultSimulationForm('appointment.booked', new Date('2026-03-20T12:00:00Z'), zone, directory),
    ...patch,
  });

  it.each([
    // the night clocks go forward (scenario 12): Sunday 10:00 in Paris is 08:00 UTC, Saturday 10:00 is 09:00 UTC
    ['2026-03-29', '10:00', '2026-03-29T08:00:00Z'],
    ['2026-03-28', '10:00', '2026-03-28T09:00:00Z'],
    // a time that does not exist that night moves on by the gap
    ['2026-03-29', '02:30', '2026-03-29T01:30:00Z'],
  ])('should read the appointment of %s at %s in the clinic’s zone as %s', (day, time, start) => {
    const sut = simulationRequestOf(form({ made: { ...form().made, day, time } }), directory, zone);
    expect(sut.context).toMatchObject({ appointment: { start } });
  });

  it('should keep only the replies written in full, as instants', () => {
    const replies = [
      { text: ' OUI ', day: '2026-03-27', time: '18:05' },
      { text: '', day: '2026-03-27', time: '18:10' },
    ];
    expect(simulationRequestOf(form({ replies }), directory, zone).replies).toEqual([
      { at: '2026-03-27T17:05:00Z', text: 'OUI' },
    ]);
  });

  it('should send the receipts written in full as instants, with their channel and status', () => {
    const receipts: ScriptedReceipt[] = [
      { channel: 'whatsapp', status: 'read', day: '2026-03-29', time: '10:05' },
      { channel: 'sms', status: 'failed', day: '2026-03-28', time: '18:30' },
      { channel: 'email', status: 'delivered', day: '', time: '10:00' },
    ];
    // Sunday 29 March is the first day of summer time in Paris (UTC+2), Saturday the last of winter (UTC+1)
    expect(simulationRequestOf(form({ receipts }), directory, zone).receipts).toEqual([
      { at: '2026-03-29T08:05:00Z', channel: 'whatsapp', status: 'read' },
      { at: '2026-03-28T17:30:00Z', channel: 'sms', status: 'failed' },
    ]);
  });

  it('should leave receipts out of the request when there are none', () => {
    const incomplete: ScriptedReceipt[] = [
      { channel: 'sms', status: 'delivered', day: '2026-03-28', time: '' },
    ];
    expect(simulationRequestOf(form(), directory, zone)).not.toHaveProperty('receipts');
    expect(simulationRequestOf(form({ receipts: incomplete }), directory, zone)).not.toHaveProperty(
      'receipts',
    );
  });

  it.each([
    [{ eventDay: '' }, 'event'],
    [{ untilDay: 'soon' }, 'until'],
    [
      {
        receipts: [{ channel: 'sms', status: 'delivered', day: 'soon', time: '10:00' }] as ScriptedReceipt[],
      },
      'receipt',
    ],
    [{ advanced: true, json: '{ nope' }, 'json'],
  ] as const)('should name the field that cannot be read (%j)', (patch, field) => {
    expect(() => simulationRequestOf(form(patch), directory, zone)).toThrow(
      expect.objectContaining({ field }) as SimulationInputError,
    );
  });
});

describe(receiptOnChannel.name, () => {
  const receipt = { channel: 'whatsapp', status: 'read', day: '2026-05-12', time: '10:05' } as const;

  it('should turn a read into delivered on a channel that does not report reads', () => {
    expect(receiptOnChannel(receipt, 'sms')).toEqual({ ...receipt, channel: 'sms', status: 'delivered' });
  });

  it.each(['delivered', 'failed'] as const)('should keep %s on any channel', (status) => {
    expect(receiptOnChannel({ ...receipt, status }, 'voice')).toEqual({
      ...receipt,
      channel: 'voice',
      status,
    });
  });
});

describe(momentsAround.name, () => {
  it('should book a picked appointment ten days before, at its own clinic time, and look two days past it', () => {
    expect(momentsAround('2026-06-11T08:00:00.000Z', zone)).toEqual({
      eventDay: '2026-06-01',
      eventTime: '10:00',
      untilDay: '2026-06-13',
    });
  });
});

describe(addDays.name, () => {
  it('should move calendar days across the end of a month and a change of clocks', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

import {
  bookingConfirmationFlow,
  recallFlow,
  remindersFlow,
  rescheduleNoticeFlow,
  resourceAlertFlow,
  thankYouFlow,
  unreliableSecondReminderFlow,
} from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver, local, sentAtLocal } from './engine-fixtures';
import { bookingChain, patientMessage, waitBefore } from './engine-scenario-flows';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * The scenarios of domain.md through the HTTP API (events posted with the clinic's API key, flows published
 * and enabled through the flows endpoints), with the clock moved forward scenario after scenario.
 */
describe('engine: scenarios of domain.md', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const everyone = { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } };
  const apt = (clinic: { clinicId: string }, externalId: string) =>
    externalDocumentId('apt', clinic.clinicId, externalId);

  const s1 = ctx.clinic();
  it('1: booked online 5 days ahead: confirmation now, e-mail 48 h before, SMS asking to confirm 24 h before', async () => {
    await engine.settings(s1, everyone);
    await engine.publish(s1, bookingConfirmationFlow);
    await engine.publish(s1, remindersFlow);
    await engine.post(s1, bookingEvent('s1', 'A1', '2026-03-07T10:00')).expect(202);

    await engine.at('2026-03-02T08:00:00Z');
    const [confirmation] = await engine.deliveries(s1, { nodeId: 'sms-booked' });
    expect(confirmation).toMatchObject({ channel: 'sms', purpose: 'confirmation' });
    sentAtLocal(confirmation, '2026-03-02 09:00');
    expect(confirmation.text).toContain('Léa');
    expect(await engine.deliveries(s1, { nodeId: 'email48' })).toEqual([]);

    await engine.at('2026-03-05T08:59:00Z');
    expect(await engine.deliveries(s1, { nodeId: 'email48' })).toEqual([]);
    await engine.at('2026-03-05T09:00:00Z');
    const [email] = await engine.deliveries(s1, { nodeId: 'email48' });
    expect(email).toMatchObject({ channel: 'email', purpose: 'reminder' });
    sentAtLocal(email, '2026-03-05 10:00');

    await engine.at('2026-03-06T09:00:00Z');
    const [ask] = await engine.deliveries(s1, { nodeId: 'sms24' });
    expect(ask).toMatchObject({ channel: 'sms', expectsReply: true });
    sentAtLocal(ask, '2026-03-06 10:00');
    expect(ask.text).toContain('Répondez C pour confirmer');
    expect(ask.expiresAt?.toISOString()).toBe('2026-03-07T09:00:00.000Z');
    const [run] = await engine.runs(s1, { nodeId: 'sms24' });
    expect(run.status).toBe('awaiting-reply');
  });

  const s2 = ctx.clinic();
  it('2: an unreliable patient (3 no-shows in 8 visits) gets a second SMS 2 h before; a reliable one none', async () => {
    clock.set('2026-03-09T08:00:00Z');
    await engine.settings(s2, everyone);
    await engine.publish(s2, unreliableSecondReminderFlow);
    for (const [patient, noShows] of [
      ['P-unreliable', 3],
      ['P-reliable', 0],
    ] as const) {
      for (let visit = 0; visit < 8; visit++) {
        const past = bookingEvent(
          `${patient}-${visit}`,
          `${patient}-past-${visit}`,
          `2026-02-0${visit + 1}T10:00`,
          {
            type: visit < noShows ? 'appointment.no_show' : 'appointment.attended',
            at: `2026-02-0${visit + 1}T10:00:00Z`,
            patient,
          },
        );
        await engine.post(s2, past).expect(202);
      }
      await engine
        .post(s2, bookingEvent(`${patient}-book`, `${patient}-next`, '2026-03-13T11:00', { patient }))
        .expect(202);
    }
    await engine.at('2026-03-13T08:00:00Z');
    const unreliable = await engine.deliveries(s2, { appointmentId: apt(s2, 'P-unreliable-next') });
    expect(unreliable).toEqual([expect.objectContaining({ nodeId: 'sms2', channel: 'sms' })]);
    sentAtLocal(unreliable[0], '2026-03-13 09:00');
    expect(await engine.deliveries(s2, { appointmentId: apt(s2, 'P-reliable-next') })).toEqual([]);
    const [reliableRun] = await engine.runs(s2, { appointmentId: apt(s2, 'P-reliable-next') });
    expect(reliableRun.status).toBe('ended');
  });

  const s3 = ctx.clinic();
  it('3: booked 3 h before with a 12 h minimum lead time: no reminder, and the report says why', async () => {
    clock.set('2026-03-16T07:00:00Z');
    await engine.settings(s3, {
      ...everyone,
      limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
    });
    await engine.publish(s3, remindersFlow);
    await engine
      .post(s3, bookingEvent('s3', 'A3', '2026-03-16T11:00', { at: '2026-03-16T07:00:00Z' }))
      .expect(202);
    const deliveries = await engine.deliveries(s3);
    expect(deliveries.map((d) => [d.nodeId, d.status, d.channel])).toEqual([
      ['email48', 'skipped', 'email'],
      ['sms24', 'skipped', 'sms'],
    ]);
    for (const skipped of deliveries) expect(skipped.reason).toContain('minimum lead time');
  });

  const s4 = ctx.clinic();
  it('4: a reminder falling at 23:30 in quiet hours 21:00–08:00 moves to 08:00, or before the appointment', async () => {
    clock.set('2026-03-16T12:00:00Z');
    await engine.settings(s4, {
      ...everyone,
      quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [], holidays: [] },
    });
    await engine.publish(
      s4,
      bookingChain('Reminder 10 h before', [
        waitBefore('wait10', 1, 10, 'hours'),
        patientMessage('sms10', 2, 'sms'),
      ]),
    );
    await engine.post(s4, bookingEvent('s4-late', 'A4-late', '2026-03-18T09:30')).expect(202);
    await engine.post(s4, bookingEvent('s4-early', 'A4-early', '2026-03-18T07:30')).expect(202);
    const [late] = await engine.runs(s4, { appointmentId: apt(s4, 'A4-late') });
    expect(local(late.timerAt!)).toBe('2026-03-18 08:00');
    const [early] = await engine.runs(s4, { appointmentId: apt(s4, 'A4-early') });
    expect(local(early.timerAt!)).toBe('2026-03-17 20:59');

    await engine.at('2026-03-17T19:59:00Z');
    await engine.at('2026-03-18T07:00:00Z');
    const [moved] = await engine.deliveries(s4, { appointmentId: apt(s4, 'A4-late') });
    sentAtLocal(moved, '2026-03-18 08:00');
    const [earlier] = await engine.deliveries(s4, { appointmentId: apt(s4, 'A4-early') });
    sentAtLocal(earlier, '2026-03-17 20:59');
  });

  const s5 = ctx.clinic();
  it('5: moved from Tuesday 10:00 to Thursday 15:00: Tuesday’s pending messages cancelled, Thursday’s planned, a "moved" notice', async () => {
    // Friday 21:30: booked online during quiet hours, so the confirmation waits for Saturday 08:00.
    clock.set('2026-03-20T20:30:00Z');
    await engine.settings(s5, everyone);
    await engine.publish(s5, bookingConfirmationFlow);
    const reminders = await engine.publish(s5, remindersFlow);
    await engine.publish(s5, rescheduleNoticeFlow);
    await engine
      .post(s5, bookingEvent('s5-book', 'A5', '2026-03-24T10:00', { at: '2026-03-20T20:30:00Z' }))
      .expect(202);
    const [pending] = await engine.deliveries(s5, { nodeId: 'sms-booked' });
    expect(pending.status).toBe('scheduled');
    expect(local(pending.sendAt)).toBe('2026-03-21 08:00');

    clock.set('2026-03-20T20:45:00Z');
    await engine
      .post(
        s5,
        bookingEvent('s5-move', 'A5', '2026-03-26T15:00', {
          type: 'appointment.rescheduled',
          at: '2026-03-20T20:45:00Z',
        }),
      )
      .expect(202);
    const deliveries = await engine.deliveries(s5);
    expect(deliveries.map((d) => [d.nodeId, d.status, d.reason])).toEqual([
      ['sms-booked', 'cancelled', 'appointment moved'],
      ['sms-moved', 'scheduled', expect.stringContaining('08:00')],
    ]);
    expect(deliveries[1].templateData).toMatchObject({ appointment: { start: '2026-03-26T14:00:00.000Z' } });
    const runs = await engine.runs(s5, { flowId: reminders });
    expect(runs.map((r) => r.status)).toEqual(['cancelled', 'waiting']);
    expect(local(runs[1].timerAt!)).toBe('2026-03-24 15:00');

    await engine.at('2026-03-21T07:00:00Z');
    const [moved] = await engine.deliveries(s5, { nodeId: 'sms-moved' });
    sentAtLocal(moved, '2026-03-21 08:00');
    expect(moved.text).toContain('jeudi 26 mars');
    // Monday 08:00, when Tuesday's e-mail would have gone (Sunday is a no-send day): nothing goes.
    await engine.at('2026-03-23T07:00:00Z');
    expect(await engine.deliveries(s5, { nodeId: 'email48' })).toEqual([]);
    await engine.at('2026-03-24T14:00:00Z');
    const [thursdayEmail] = await engine.deliveries(s5, { nodeId: 'email48' });
    sentAtLocal(thursdayEmail, '2026-03-24 15:00');
  });

  const s12 = ctx.clinic();
  it('12: across the DST change, "1 day before" keeps 10:00 and "24 hours before" is 09:00 on Saturday', async () => {
    await engine.settings(s12, everyone);
    await engine.publish(
      s12,
      bookingChain('DST', [
        waitBefore('wait24h', 1, 24, 'hours'),
        patientMessage('email24h', 2, 'email'),
        waitBefore('wait1d', 3, 1, 'days'),
        patientMessage('sms1d', 4, 'sms'),
      ]),
    );
    await engine
      .post(s12, bookingEvent('s12', 'A12', '2026-03-29T10:00', { at: '2026-03-24T14:00:00Z' }))
      .expect(202);
    await engine.at('2026-03-28T08:00:00Z');
    await engine.at('2026-03-28T09:00:00Z');
    const deliveries = await engine.deliveries(s12);
    expect(deliveries.map((d) => d.nodeId)).toEqual(['email24h', 'sms1d']);
    sentAtLocal(deliveries[0], '2026-03-28 09:00');
    sentAtLocal(deliveries[1], '2026-03-28 10:00');
  });

  const s6 = ctx.clinic();
  it('6: SMS off for Hygiene and voice off for Dr Martin: those sends skipped with the reason; e-mail still goes', async () => {
    clock.set('2026-03-30T08:00:00Z');
    const hygiene = await ctx
      .as(s6)
      .put('/api/services/by-external-id/S-HYG', { name: 'Hygiene' })
      .expect(200);
    const martin = await ctx
      .as(s6)
      .put('/api/resources/by-external-id/R-MARTIN', { name: 'Dr Martin' })
      .expect(200);
    await engine.settings(s6, {
      ...everyone,
      channels: { sms: true, email: true, voice: true },
      channelToggles: {
        services: { [hygiene.body.id]: { sms: false } },
        resources: { [martin.body.id]: { voice: false } },
      },
    });
    await engine.publish(
      s6,
      bookingChain('Every channel', [
        patientMessage('sms', 1, 'sms'),
        patientMessage('voice', 2, 'voice'),
        patientMessage('email', 3, 'email'),
      ]),
    );
    await engine
      .post(s6, bookingEvent('s6', 'A6', '2026-04-03T10:00', { service: 'S-HYG', resource: 'R-MARTIN' }))
      .expect(202);
    const byNode = Object.fromEntries((await engine.deliveries(s6)).map((d) => [d.nodeId, d]));
    expect(byNode.sms).toMatchObject({
      status: 'skipped',
      reason: 'SMS is switched off for service Hygiene',
    });
    expect(byNode.voice).toMatchObject({ status: 'skipped', reason: 'Voice is switched off for Dr Martin' });
    expect(byNode.email).toMatchObject({ status: 'scheduled', channel: 'email', reason: null });
    await engine.at('2026-03-30T08:00:00Z');
    sentAtLocal((await engine.deliveries(s6, { nodeId: 'email' }))[0], '2026-03-30 10:00');
  });

  const s9 = ctx.clinic();
  it('9: Dr Martin 40 minutes late: every patient of his still to come today gets the new time by SMS at once', async () => {
    clock.set('2026-03-30T09:00:00Z');
    await engine.settings(s9, everyone);
    await engine.publish(s9, resourceAlertFlow);
    const book = (id: string, start: string, resource = 'R-MARTIN') =>
      engine.post(s9, bookingEvent(id, id, start, { resource, at: '2026-03-30T09:00:00Z' })).expect(202);
    await book('early', '2026-04-01T08:00');
    await book('ten', '2026-04-01T10:00');
    await book('two', '2026-04-01T14:00');
    await book('other', '2026-04-01T11:00', 'R-DUPONT');
    await book('tomorrow', '2026-04-02T10:00');

    clock.set('2026-04-01T07:00:00Z');
    await engine
      .post(s9, {
        id: 's9-late',
        type: 'resource.delayed',
        occurredAt: '2026-04-01T07:00:00Z',
        resource: { externalId: 'R-MARTIN' },
        minutes: 40,
      })
      .expect(202);
    const alerts = await engine.deliveries(s9);
    expect(alerts.map((d) => d.appointmentId).sort()).toEqual([apt(s9, 'ten'), apt(s9, 'two')].sort());
    for (const alert of alerts) {
      expect(alert).toMatchObject({
        nodeId: 'sms-late',
        status: 'scheduled',
        channel: 'sms',
        purpose: 'alert',
      });
      expect(local(alert.sendAt)).toBe('2026-04-01 09:00');
      expect(alert.templateData).toMatchObject({ delay: { minutes: 40 } });
    }
    const ten = alerts.find((d) => d.appointmentId === apt(s9, 'ten'))!;
    expect(local((ten.templateData.delay as { newStart: string }).newStart)).toBe('2026-04-01 10:40');
    // Within the minute: the engine's next tick sends them, with the new time in the text.
    await engine.at('2026-04-01T07:00:30Z');
    for (const alert of await engine.deliveries(s9)) sentAtLocal(alert, '2026-04-01 09:00');
    const [sent] = await engine.deliveries(s9, { appointmentId: apt(s9, 'ten') });
    expect(sent.text).toContain('10:40');
  });

  const s8 = ctx.clinic();
  it('8: attended: thank-you 3 h after; recall 6 months after unless booked again meanwhile', async () => {
    clock.set('2026-04-06T08:30:00Z');
    // The recall SMS gives the clinic's phone number.
    await engine.settings(s8, { ...everyone, phone: '+33145678900' });
    await engine.publish(s8, thankYouFlow);
    await engine.publish(s8, recallFlow);
    for (const patient of ['P-again', 'P-recall']) {
      const visit = bookingEvent(`${patient}-visit`, `${patient}-visit`, '2026-04-06T10:00', {
        type: 'appointment.attended',
        at: '2026-04-06T08:30:00Z',
        patient,
      });
      await engine.post(s8, visit).expect(202);
    }
    await engine.at('2026-04-06T11:30:00Z');
    const thanks = await engine.deliveries(s8, { nodeId: 'sms-thanks' });
    expect(thanks).toHaveLength(2);
    for (const sms of thanks) sentAtLocal(sms, '2026-04-06 13:30');

    clock.set('2026-05-04T08:00:00Z');
    await engine
      .post(
        s8,
        bookingEvent('P-again-next', 'P-again-next', '2026-11-10T10:00', {
          patient: 'P-again',
          at: '2026-05-04T08:00:00Z',
        }),
      )
      .expect(202);
    await engine.at('2026-10-06T08:00:00Z');
    const recalls = await engine.deliveries(s8, { nodeId: 'sms-recall' });
    expect(recalls).toHaveLength(1);
    expect(recalls[0].patientId).toBe(externalDocumentId('pat', s8.clinicId, 'P-recall'));
    sentAtLocal(recalls[0], '2026-10-06 10:00');
  });
});

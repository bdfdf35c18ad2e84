import { remindersFlow } from '@clinicflow/rules';
import { useTestContext } from './test-app';

const minimalFlow = {
  name: 'Unfinished',
  nodes: [{ id: 'n1', type: 'send', position: { x: 0, y: 0 }, data: {} }],
  edges: [],
};

describe('flows', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();

  const { as } = ctx;
  const { id: _ignored, ...reminders } = remindersFlow;

  describe('drafts', () => {
    it('should save an invalid draft and answer its problems', async () => {
      const res = await as(a).post('/api/flows', minimalFlow).expect(201);
      expect(res.body).toMatchObject({ revision: 1, valid: false, enabled: false, latestVersion: null });
      expect(res.body.problems.length).toBeGreaterThan(0);
      expect(res.body.problems[0]).toHaveProperty('message');
    });

    it('should keep the editor fields of nodes', async () => {
      const flow = {
        ...reminders,
        nodes: reminders.nodes.map((n) => ({ ...n, measured: { width: 200, height: 80 } })),
      };
      const res = await as(a).post('/api/flows', flow).expect(201);
      expect(res.body.valid).toBe(true);
      const read = await as(a).get(`/api/flows/${res.body.id}`).expect(200);
      expect(read.body.draft.nodes[0].measured).toEqual({ width: 200, height: 80 });
    });

    it('should answer 409 naming who changed a stale draft', async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      await as(a)
        .put(`/api/flows/${created.body.id}`, { revision: 1, flow: { ...reminders, name: 'First' } })
        .expect(200);
      const stale = await as(a)
        .put(`/api/flows/${created.body.id}`, { revision: 1, flow: { ...reminders, name: 'Second' } })
        .expect(409);
      expect(stale.body.message).toContain(a.managerEmail);
      expect(stale.body.errors[0].path).toBe('body.revision');
      expect((await as(a).get(`/api/flows/${created.body.id}`)).body.draft.name).toBe('First');
    });

    it('should say whether a stale save comes from the editor page that saved the newer revision', async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      const id = created.body.id;
      const save = (revision: number, editorSession: string) =>
        as(a).put(`/api/flows/${id}`, {
          revision,
          flow: { ...reminders, name: editorSession },
          editorSession,
        });
      await save(1, 'page-1').expect(200);
      const samePage = await save(1, 'page-1').expect(409);
      expect(samePage.body.errors[0]).toMatchObject({
        path: 'body.revision',
        code: 'draft-stale',
        params: { revision: 2, by: a.managerEmail, sameSession: true },
      });
      expect(Date.parse(samePage.body.errors[0].params.at)).not.toBeNaN();
      const otherPage = await save(1, 'page-2').expect(409);
      expect(otherPage.body.errors[0].params.sameSession).toBe(false);
      expect((await as(a).get(`/api/flows/${id}`)).body.draft.name).toBe('page-1');
    });

    it('should let exactly one of two concurrent saves of one revision win', async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      const saves = await Promise.all(
        ['X', 'Y', 'Z'].map((name) =>
          as(a).put(`/api/flows/${created.body.id}`, { revision: 1, flow: { ...reminders, name } }),
        ),
      );
      expect(saves.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const read = await as(a).get(`/api/flows/${created.body.id}`).expect(200);
      expect(read.body.revision).toBe(2);
    });

    it.each([
      { path: 'body.name', body: { ...minimalFlow, name: '' } },
      {
        path: 'body.nodes.0.position',
        body: { ...minimalFlow, nodes: [{ id: 'n', type: 'send', data: {} }] },
      },
      {
        path: 'body.nodes.0.id',
        body: { ...minimalFlow, nodes: [{ id: '', type: 'send', position: { x: 0, y: 0 } }] },
      },
      { path: 'body.edges.0.target', body: { ...minimalFlow, edges: [{ id: 'e', source: 'n1' }] } },
    ])('should answer 400 naming $path', async ({ path, body }) => {
      const res = await as(a).post('/api/flows', body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('should answer 400 naming body.revision on a save without it', async () => {
      const created = await as(a).post('/api/flows', minimalFlow).expect(201);
      const res = await as(a).put(`/api/flows/${created.body.id}`, { flow: minimalFlow }).expect(400);
      expect(res.body.errors[0].path).toBe('body.revision');
    });

    it('should refuse staff edits with 403 and let staff simulate', async () => {
      await as(a, a.staffToken).post('/api/flows', minimalFlow).expect(403);
      await as(a, a.staffToken)
        .post('/api/flows/simulate', {
          flow: reminders,
          event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
        })
        .expect(200);
    });
  });

  describe('versions', () => {
    it('should refuse to publish an invalid draft with its problems', async () => {
      const created = await as(a).post('/api/flows', minimalFlow).expect(201);
      const res = await as(a).post(`/api/flows/${created.body.id}/publish`, { note: 'try' }).expect(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(res.body.errors[0].path).toMatch(/^draft/);
    });

    it('should publish numbered versions, diff them, restore one and enable the flow', async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      const id = created.body.id;
      await as(a).post(`/api/flows/${id}/enable`).expect(400);
      const v1 = await as(a).post(`/api/flows/${id}/publish`, { note: 'first' }).expect(201);
      expect(v1.body).toMatchObject({ version: 1, note: 'first', publishedBy: a.managerEmail });
      const changed = {
        ...reminders,
        description: 'changed',
        nodes: reminders.nodes
          .slice(0, -1)
          .map((n, i) => (i === 0 ? { ...n, position: { x: 999, y: 0 } } : n)),
      };
      await as(a).put(`/api/flows/${id}`, { revision: 1, flow: changed }).expect(200);
      const diffDraft = await as(a).get(`/api/flows/${id}/diff?from=1`).expect(200);
      expect(diffDraft.body.nodes.removed).toEqual([reminders.nodes[reminders.nodes.length - 1].id]);
      expect(diffDraft.body.nodes.changed).toEqual([{ id: reminders.nodes[0].id, fields: ['position'] }]);
      expect(diffDraft.body.flow).toEqual(['description']);

      const versions = await as(a).get(`/api/flows/${id}/versions`).expect(200);
      expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1]);
      const v1Doc = await as(a).get(`/api/flows/${id}/versions/1`).expect(200);
      expect(v1Doc.body.flow.nodes).toHaveLength(reminders.nodes.length);

      const restored = await as(a).post(`/api/flows/${id}/versions/1/restore`, {}).expect(201);
      expect(restored.body).toMatchObject({ revision: 3 });
      expect(restored.body.draft.nodes).toHaveLength(reminders.nodes.length);

      const enabled = await as(a).post(`/api/flows/${id}/enable`).expect(200);
      expect(enabled.body).toMatchObject({ enabled: true, latestVersion: 1 });
      const v2 = await as(a).post(`/api/flows/${id}/publish`, {}).expect(201);
      expect(v2.body.version).toBe(2);
      await as(a).post(`/api/flows/${id}/disable`).expect(200);
    });

    it.each([
      { path: 'query.from', query: '' },
      { path: 'query.from', query: 'from=zero' },
    ])('should answer 400 naming $path for ?$query', async ({ path, query }) => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      const res = await as(a).get(`/api/flows/${created.body.id}/diff?${query}`).expect(400);
      expect(res.body.errors[0].path).toBe(path);
    });

    it('should answer 404 for a version that does not exist and 400 for a bad version number', async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      await as(a).get(`/api/flows/${created.body.id}/versions/7`).expect(404);
      const res = await as(a).get(`/api/flows/${created.body.id}/versions/x`).expect(400);
      expect(res.body.errors[0].path).toBe('params.version');
    });
  });

  describe('cross-clinic', () => {
    it("should answer 404 for another clinic's flow on every route", async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      const id = created.body.id;
      await as(a).post(`/api/flows/${id}/publish`, {}).expect(201);
      await as(b).get(`/api/flows/${id}`).expect(404);
      await as(b).put(`/api/flows/${id}`, { revision: 1, flow: reminders }).expect(404);
      await as(b).post(`/api/flows/${id}/publish`, {}).expect(404);
      await as(b).get(`/api/flows/${id}/versions`).expect(404);
      await as(b).get(`/api/flows/${id}/versions/1`).expect(404);
      await as(b).get(`/api/flows/${id}/diff?from=1`).expect(404);
      await as(b).post(`/api/flows/${id}/versions/1/restore`, {}).expect(404);
      await as(b).post(`/api/flows/${id}/enable`).expect(404);
      await as(b).post(`/api/flows/${id}/disable`).expect(404);
      await as(b)
        .post(`/api/flows/${id}/simulate`, {
          event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
        })
        .expect(404);
      await as(b).delete(`/api/flows/${id}`).expect(404);
      expect((await as(b).get('/api/flows')).body.map((f: { id: string }) => f.id)).not.toContain(id);
      await as(a).delete(`/api/flows/${id}`).expect(200);
      await as(a).get(`/api/flows/${id}`).expect(404);
    });
  });

  describe('starters', () => {
    it('should list the gallery and create a draft from a starter', async () => {
      const gallery = await as(a).get('/api/flows/starters').expect(200);
      expect(gallery.body.map((s: { key: string }) => s.key)).toContain('reminders');
      const created = await as(a).post('/api/flows/starters/reminders').expect(201);
      expect(created.body).toMatchObject({ starterKey: 'reminders', valid: true });
      await as(a).post('/api/flows/starters/nope').expect(404);
    });
  });

  describe('simulation', () => {
    it('should answer the timeline of scenario 1 for the reminder starter flow', async () => {
      const res = await as(a)
        .post('/api/flows/simulate', {
          flow: reminders,
          context: {
            appointment: { start: '2026-03-25T09:00:00Z', end: '2026-03-25T09:30:00Z', source: 'online' },
          },
          event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
          replies: [{ at: '2026-03-24T17:05:00Z', text: 'C' }],
          until: '2026-10-01T00:00:00Z',
        })
        .expect(200);
      expect(res.body.valid).toBe(true);
      const steps = res.body.timeline.map((e: { nodeId: string; kind: string; local: string }) => [
        e.nodeId,
        e.kind,
        e.local,
      ]);
      expect(steps).toEqual(
        expect.arrayContaining([
          ['email48', 'send', '2026-03-23T10:00:00+01:00'],
          ['sms24', 'send', '2026-03-24T10:00:00+01:00'],
          ['sms24', 'reply', '2026-03-24T18:05:00+01:00'],
        ]),
      );
      const email = res.body.timeline.find((e: { nodeId: string }) => e.nodeId === 'email48');
      expect(email.text).toContain('mercredi 25 mars à 10:00');
      // The SMS goes through the channels library too: every variable of the starter must render there.
      const sms = res.body.timeline.find(
        (e: { nodeId: string; kind: string }) => e.nodeId === 'sms24' && e.kind === 'send',
      );
      expect(sms).toMatchObject({
        reason: null,
        text: expect.stringMatching(/^RDV demain à 10:00 avec .+ Répondez C pour confirmer/),
      });
      expect(res.body.timeline[0]).toEqual(
        expect.objectContaining({
          at: expect.any(String),
          local: expect.stringMatching(/\+01:00$/),
          nodeId: expect.any(String),
        }),
      );
    });

    it('should answer valid: false with node problems for an invalid flow', async () => {
      const res = await as(a)
        .post('/api/flows/simulate', {
          flow: minimalFlow,
          event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
        })
        .expect(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.errors[0]).toEqual(
        expect.objectContaining({
          nodeId: expect.anything(),
          path: expect.any(String),
          message: expect.any(String),
        }),
      );
    });

    it('should simulate a saved draft and a published version', async () => {
      const created = await as(a).post('/api/flows', reminders).expect(201);
      const body = { event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' } };
      const draft = await as(a).post(`/api/flows/${created.body.id}/simulate`, body).expect(200);
      expect(draft.body.valid).toBe(true);
      await as(a)
        .post(`/api/flows/${created.body.id}/simulate`, { ...body, version: 1 })
        .expect(404);
    });

    it.each([
      { path: 'body.event', body: { flow: minimalFlow } },
      {
        path: 'body.event.at',
        body: { flow: minimalFlow, event: { type: 'appointment.booked', at: 'soon' } },
      },
      {
        path: 'body.replies.0.text',
        body: {
          flow: minimalFlow,
          event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
          replies: [{ at: '2026-03-20T10:00:00Z' }],
        },
      },
    ])('should answer 400 naming $path', async ({ path, body }) => {
      const res = await as(a).post('/api/flows/simulate', body).expect(400);
      expect(res.body.errors[0].path).toBe(path);
    });
  });
});

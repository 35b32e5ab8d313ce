// An action answers once Gluster accepted it, without holding the answer for a read; the read
// after it starts as the service answers, and a GET made meanwhile joins that read.
import { defaultLab } from '../../../../dev/lab';
import { demoSimulator } from '../../../../dev/sim/gluster';
import { createGlusterClient } from '../../../../server/gluster/client';
import type { GlusterClient } from '../../../../server/gluster/types';
import type { GeoRepSession } from '../../../../src/georep/types';
import { PROD, startStack, type Acted, type SessionList, type Stack } from '../../../support/service-harness';

const SESSIONS = `/clusters/${PROD}/sessions`;

describe('an action and the read after it', () => {
  const real = createGlusterClient(demoSimulator(defaultLab()));
  let gate: Promise<void> | null = null;
  let statusReads = 0;
  const client: GlusterClient = {
    ...real,
    status: async (...a) => {
      statusReads++;
      if (gate) await gate;
      return real.status(...a);
    },
  };
  let s: Stack;
  let id: string;
  beforeAll(async () => {
    s = await startStack({ gluster: client });
    id = (await s.call('admin@internal', 'GET', SESSIONS))
      .json<SessionList>()
      .georep_session.find((x) => x.primary_volume === 'archive')!.id;
  });
  afterAll(() => s.close());

  it('answers while the read after the action is still running, and the GET joins that one read', async () => {
    const before = (
      await s.call('admin@internal', 'GET', `${SESSIONS}/${id}`)
    ).json<GeoRepSession>();
    expect(before.status).toBe('Paused'); // the demo lab's archive session
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const reads = statusReads;
    try {
      // Held status reads cannot hold the answer: it comes back with the read still running.
      const r = await s.call('admin@internal', 'POST', `${SESSIONS}/${id}/resume`, {});
      expect(r.statusCode).toBe(200);
      expect(r.json<Acted>()).toEqual({ status: 'complete' });
      expect(statusReads).toBe(reads + 1); // the read after the action has started
      const pending = s.call('admin@internal', 'GET', `${SESSIONS}/${id}`);
      release();
      const after = (await pending).json<GeoRepSession>();
      expect(after.status).not.toBe('Paused');
      expect(statusReads).toBe(reads + 1); // the GET joined it: no second read
    } finally {
      gate = null;
      release();
    }
  });
});

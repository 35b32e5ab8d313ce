/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any` */
// An action is done once, its outcome is the truth, and its audit is never lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { defaultLab, LAB_IDS } from '../../../../dev/lab';
import { Audit } from '../../../../server/audit';
import type { EngineClient, EngineEvent } from '../../../../server/engine';
import { badGateway } from '../../../../server/errors';
import { createGlusterClient } from '../../../../server/gluster/client';
import { GlusterTimeoutError } from '../../../../server/gluster/exec';
import { demoSimulator } from '../../../../dev/sim/gluster';
import type { GlusterClient } from '../../../../server/gluster/types';
import { createSimSshTrust } from '../../../../dev/sim/ssh';
import { PROD, startStack, type Fault, type SessionList, type Stack } from '../../../support/service-harness';

const quiet = pino({ level: 'silent' });

/** The simulator's client, with hooks to hold an action or make it answer too late. */
function slowable(): {
  client: GlusterClient;
  hold: () => () => void;
  late: { applied: boolean } | null;
  setLate(x: { applied: boolean } | null): void;
} {
  const lab = defaultLab();
  const real = createGlusterClient(demoSimulator(lab));
  let gate: Promise<void> | null = null;
  let late: { applied: boolean } | null = null;
  const client: GlusterClient = {
    ...real,
    resume: async (...a) => {
      if (gate) await gate;
      return real.resume(...a);
    },
    configSet: async (node, key, name, value) => {
      if (late) {
        if (late.applied) await real.configSet(node, key, name, value);
        throw new GlusterTimeoutError(node, 120_000);
      }
      return real.configSet(node, key, name, value);
    },
  };
  return {
    client,
    hold: () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
    get late() {
      return late;
    },
    setLate: (x) => (late = x),
  };
}

describe('one action at a time per session', () => {
  const g = slowable();
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ gluster: g.client });
  });
  afterAll(() => s.close());

  it('a second action while one runs gets 409 naming what runs', async () => {
    const list = (
      await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
    ).json<SessionList>();
    const data = list.georep_session.find((x) => x.primary_volume === 'archive')!;
    const release = g.hold();
    const first = s.call(
      'admin@internal',
      'POST',
      `/clusters/${PROD}/sessions/${data.id}/resume`,
      {},
    );
    await new Promise((r) => setTimeout(r, 150));
    const second = await s.call(
      'glusteradmin@internal',
      'POST',
      `/clusters/${PROD}/sessions/${data.id}/stop`,
      {},
    );
    expect(second.statusCode).toBe(409);
    expect(second.json<Fault>().detail).toMatch(
      /Another action is running on the session archive -> gdr1.lab.example::archive-dr: resume by admin@internal/,
    );
    release();
    expect((await first).statusCode).toBe(200);
    // Once done, the next one runs.
    const third = await s.call(
      'admin@internal',
      'POST',
      `/clusters/${PROD}/sessions/${data.id}/pause`,
      {},
    );
    expect(third.statusCode).toBe(200);
  });
});

describe('Gluster answers too late (504): the service reads again and tells what happened', () => {
  const g = slowable();
  let s: Stack;
  let id: string;
  beforeAll(async () => {
    s = await startStack({ gluster: g.client });
    id = (await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`))
      .json<SessionList>()
      .georep_session.find((x) => x.primary_volume === 'data')!.id;
  });
  afterAll(() => s.close());

  it('applied: 200 with the new value, and the event says it was applied', async () => {
    g.setLate({ applied: true });
    try {
      const r = await s.call(
        'admin@internal',
        'PUT',
        `/clusters/${PROD}/sessions/${id}/config/sync-jobs`,
        { value: '7' },
      );
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ name: 'sync-jobs', value: '7' });
      expect(s.engine.events().at(-1)).toMatchObject({
        severity: 'normal',
        description: expect.stringMatching(
          /sync-jobs has been set to 7 .*Gluster answered too late, but a fresh read shows sync-jobs is 7/,
        ),
      });
    } finally {
      g.setLate(null);
    }
  });

  it('not applied: 504 that says so, and so does the event', async () => {
    g.setLate({ applied: false });
    try {
      const r = await s.call(
        'admin@internal',
        'PUT',
        `/clusters/${PROD}/sessions/${id}/config/sync-jobs`,
        { value: '9' },
      );
      expect(r.statusCode).toBe(504);
      expect(r.json<Fault>().detail).toMatch(
        /did not answer within 120 s.*A fresh read shows it was not applied: sync-jobs is still 7/,
      );
      expect(s.engine.events().at(-1)).toMatchObject({
        severity: 'error',
        description: expect.stringMatching(/not applied: sync-jobs is still 7/),
      });
    } finally {
      g.setLate(null);
    }
  });
});

describe('the audit outbox', () => {
  const principal = {
    token: 't',
    user: { id: 'u', user_name: 'admin@internal', display_name: 'admin@internal' },
  };
  const cluster = {
    id: PROD,
    name: 'gluster-prod',
    gluster_service: true,
    virt_service: false,
    data_center_id: null,
    version: null,
  };
  const key = {
    primary_volume: 'data',
    secondary_host: 'gdr1',
    secondary_volume: 'data-dr',
    secondary_user: 'root',
  };

  function engine(up: { value: boolean }, posted: EngineEvent[]): EngineClient {
    return {
      postEvent: (_t: string, e: EngineEvent) => {
        if (!up.value)
          return Promise.reject(badGateway('Could not reach the engine (ECONNREFUSED).'));
        posted.push(e);
        return Promise.resolve();
      },
    } as unknown as EngineClient;
  }

  it('keeps events on disk, in order, while the engine is down, and a restart posts them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-spool-'));
    const up = { value: false };
    const posted: EngineEvent[] = [];
    const a = new Audit(engine(up, posted), undefined, { spoolDir: dir, retryMs: 60_000 });
    for (const action of ['pause', 'resume', 'stop'] as const)
      await a.record(principal, { action, cluster, key, ok: true }, quiet);
    a.close();
    expect(posted).toEqual([]);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toHaveLength(3);
    // No token or password on disk.
    for (const f of files)
      expect(fs.readFileSync(path.join(dir, f), 'utf8')).not.toMatch(/"t"|token|password/);

    // The service restarts; the engine answers again. The outbox keeps no token: the service
    // account (GEOREP_EVENTS_USER) posts what a previous run left.
    up.value = true;
    const none = new Audit(engine(up, posted), undefined, { spoolDir: dir, retryMs: 60_000 });
    await none.flush(quiet);
    none.close();
    expect(posted).toEqual([]);
    expect(none.pending()).toHaveLength(3);
    const b = new Audit(engine(up, posted), () => Promise.resolve('service-token'), {
      spoolDir: dir,
      retryMs: 60_000,
    });
    await b.flush(quiet);
    b.close();
    expect(posted.map((e) => e.description.match(/has been (\w+)/)?.[1])).toEqual([
      'paused',
      'resumed',
      'stopped',
    ]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('record does not wait for the engine: the event is on disk in the outbox when it returns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-spool-'));
    let answer: () => void = () => undefined;
    const posted: EngineEvent[] = [];
    const eng = {
      postEvent: (_t: string, e: EngineEvent) => {
        posted.push(e);
        // The engine takes its time: the action's answer must not wait for it.
        return new Promise<void>((resolve) => {
          answer = resolve;
        });
      },
    } as unknown as EngineClient;
    const a = new Audit(eng, undefined, { spoolDir: dir, retryMs: 60_000 });
    await a.record(principal, { action: 'pause', cluster, key, ok: true }, quiet);
    expect(a.pending()).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(posted).toHaveLength(1);
    answer();
    await a.settled();
    a.close();
    expect(a.pending()).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('an event the engine already has (posted, answer lost) leaves the outbox', async () => {
    const posted: EngineEvent[] = [];
    let first = true;
    const eng = {
      postEvent: (_t: string, e: EngineEvent) => {
        posted.push(e);
        if (first) {
          first = false;
          return Promise.reject(
            badGateway(
              `The engine refused to post an event (HTTP 400). The engine said: Operation Failed: [Cannot add External Event. An event with origin 'gluster-georep' and custom ID ${e.custom_id} already exists.]`,
            ),
          );
        }
        return Promise.resolve();
      },
    } as unknown as EngineClient;
    const a = new Audit(eng, undefined, {});
    await a.record(principal, { action: 'stop', cluster, key, ok: true }, quiet);
    await a.settled();
    expect(a.pending()).toEqual([]);
  });
});

describe('setting up passwordless SSH is audited', () => {
  let s: Stack;
  beforeAll(async () => {
    const lab = defaultLab();
    s = await startStack({ lab, service: { ssh: createSimSshTrust(lab) } });
  });
  afterAll(() => s.close());

  it('one engine event, naming the host, the remote and how; the password nowhere', async () => {
    const base = `/clusters/${PROD}/hosts/${LAB_IDS.hostProd1}/ssh`;
    const fp = (
      await s.call('admin@internal', 'POST', `${base}/remote-key`, {
        remote_host: 'backup.remote.example',
      })
    ).json<{ fingerprint: string }>().fingerprint;
    const r = await s.call('admin@internal', 'POST', `${base}/setup`, {
      user: 'root',
      remote_host: 'backup.remote.example',
      password: 'remote-root-pw',
      confirmed_fingerprint: fp,
    });
    expect(r.json()).toMatchObject({ ok: true });
    const ev = s.engine.events().at(-1)!;
    expect(ev.description).toMatch(
      /Passwordless SSH from host gprod1 of cluster gluster-prod to root@backup.remote.example has been set up with the secondary user's password .*known_hosts.*\(User: admin@internal/,
    );
    expect(JSON.stringify(s.engine.events())).not.toContain('remote-root-pw');
  });
});

// A checkpoint on an idle primary volume (server/dr/idle.ts): Gluster 10.3 never marks it
// completed, so the brick's own evidence stands in — nothing recorded left to sync, read late
// enough after the checkpoint for a change made before it to have been recorded.
import type { FastifyBaseLogger } from 'fastify';
import { idlePastCheckpoint } from '../../../../server/dr/idle';
import type { ServiceContext } from '../../../../server/context';
import type { BrickEvidence } from '../../../../server/gluster/probe';
import type { Principal } from '../../../../server/auth';
import type { EngineCluster } from '../../../../server/engine';
import type { GeoRepSession } from '../../../../src/georep/types';

const SET_AT = Date.UTC(2026, 11, 7, 20, 36, 49);
const log = { debug: () => undefined, warn: () => undefined } as unknown as FastifyBaseLogger;
const BRICK = '/bricks/data-dr';

function ctx(ev: Partial<BrickEvidence> | null, probe = true) {
  const asked: string[] = [];
  const evidence: BrickEvidence = {
    brick: BRICK,
    error: null,
    // read 30 s after the checkpoint: rollover 15 s + change interval 5 s have passed
    now: SET_AT / 1000 + 30,
    last_synced: SET_AT / 1000 - 34,
    oldest_pending: null,
    pending: 0,
    processing: 0,
    ...ev,
  };
  const c = {
    probe: probe
      ? {
          evidence: (node: string) => {
            asked.push(node);
            return Promise.resolve({ change_interval: 5, bricks: [evidence] });
          },
        }
      : undefined,
    status: {
      fresh: () => Promise.resolve({ volumes: [{ name: 'data-dr', options: [] }] }),
      resolver: () => Promise.resolve((n: string) => Promise.resolve(`${n}.address`)),
    },
  } as unknown as Pick<ServiceContext, 'probe' | 'status'>;
  return { c, asked };
}

const session = (over: Partial<GeoRepSession> = {}): GeoRepSession =>
  ({
    id: 's',
    primary_volume: 'data-dr',
    secondary_user: 'root',
    secondary_host: 'gprod1',
    secondary_volume: 'data',
    status: 'Active',
    workers: [
      {
        primary_node: 'gdr1',
        primary_brick: BRICK,
        status: 'Active',
        crawl_status: 'Changelog Crawl',
      },
    ],
    ...over,
  }) as unknown as GeoRepSession;

const run = (c: Pick<ServiceContext, 'probe' | 'status'>, s = session()) =>
  idlePastCheckpoint(c, {} as Principal, { id: 'c' } as EngineCluster, s, SET_AT, log);

it('nothing recorded left to sync, read long enough after the checkpoint: reached', async () => {
  const { c, asked } = ctx({});
  expect(await run(c)).toBe(true);
  expect(asked).toEqual(['gdr1.address']);
});

it('a change recorded and not synced: not reached', async () => {
  expect(await run(ctx({ oldest_pending: SET_AT / 1000 + 2, pending: 1 }).c)).toBe(false);
});

it('a changelog being processed: not reached', async () => {
  expect(await run(ctx({ processing: 1 }).c)).toBe(false);
});

it('read before a rollover and a change interval passed since the checkpoint: not reached', async () => {
  expect(await run(ctx({ now: SET_AT / 1000 + 19 }).c)).toBe(false);
});

it('no probe, or a worker not in Changelog Crawl: not told, not reached', async () => {
  expect(await run(ctx({}, false).c)).toBe(false);
  const hybrid = session({
    workers: [
      {
        primary_node: 'gdr1',
        primary_brick: BRICK,
        status: 'Active',
        crawl_status: 'Hybrid Crawl',
      },
    ] as unknown as GeoRepSession['workers'],
  });
  expect(await run(ctx({}).c, hybrid)).toBe(false);
});

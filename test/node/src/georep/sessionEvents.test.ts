// The Events search for a session's events, checked against the very texts the service posts
// (server/audit.ts for every action, server/announce.ts for the watch's transitions), read with
// the engine emulator's search (dev/engine/search.ts: the engine's `field = value`, quotes, `*`).
import { describe as describeAudit, type AuditAction } from '../../../../server/audit';
import { describeTransition } from '../../../../server/announce';
import type { EngineCluster } from '../../../../server/engine';
import { parseSearch, type SearchFields } from '../../../../dev/engine/search';
import { EVENT_ORIGIN, secondaryUrl, sessionEventsSearch } from '../../../../src/georep/sessionEvents';
import { DEFAULT_TRANSITION_SETTINGS, type TransitionKind } from '../../../../src/georep/transitions';
import type { SessionKey } from '../../../../src/georep/types';

interface Ev {
  origin: string;
  cluster: string;
  message: string;
}
const FIELDS: SearchFields<Ev> = {
  origin: { kind: 'text', get: (e) => e.origin },
  cluster: { kind: 'text', get: (e) => e.cluster },
  message: { kind: 'text', get: (e) => e.message },
};

const prod = { id: 'c1', name: 'gluster-prod' } as EngineCluster;
const key: SessionKey = {
  primary_volume: 'data',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'data-dr',
  secondary_user: 'root',
};

const ACTIONS: AuditAction[] = [
  'create',
  'start',
  'stop',
  'pause',
  'resume',
  'delete',
  'config_set',
  'config_reset',
  'checkpoint',
  'recover',
  'shared_storage',
  'mountbroker_step',
];
const KINDS: TransitionKind[] = [
  'faulty',
  'partly_faulty',
  'stalled',
  'recovered',
  'lag_high',
  'lag_ok',
  'checkpoint_completed',
  'disappeared',
];

/** Every text the service posts about session `k` of `cluster`, successes and failures. */
function textsAbout(k: SessionKey, cluster: EngineCluster): string[] {
  const audit = ACTIONS.flatMap((action) =>
    [true, false].map((ok) =>
      describeAudit(
        {
          action,
          cluster,
          key: k,
          ok,
          error: ok ? undefined : 'Gluster said no.',
          option: { name: 'sync-jobs', value: '4' },
          note: 'step done',
        },
        'admin@internal',
      ),
    ),
  );
  const watch = KINDS.map((kind) =>
    describeTransition(
      {
        kind,
        severity: 'warning',
        cluster_id: cluster.id,
        session_id: 's',
        key: k,
        at: '2026-12-07T10:00:00Z',
        status: 'Active',
        lag_seconds: 900,
        checkpoint_time: '2026-12-07T09:00:00Z',
        checkpoint_completion_time: null,
      } as never,
      cluster,
      DEFAULT_TRANSITION_SETTINGS,
    ),
  );
  return [...audit, ...watch];
}

function matcher(search: string) {
  expect(search.startsWith('Events: ')).toBe(true); // what WebAdmin's Events applies
  const match = parseSearch(search.slice('Events:'.length), FIELDS, true);
  if (!match) throw new Error(`the engine would not parse: ${search}`);
  return (message: string, cluster = prod.name, origin = EVENT_ORIGIN) =>
    match({ origin, cluster, message });
}

describe("a session's Events search", () => {
  it('is the search the Events place applies: origin, cluster and the session in the message', () => {
    expect(sessionEventsSearch(key, 'gluster-prod')).toBe(
      'Events: origin = gluster-georep and cluster = gluster-prod and message = "* data *gdr1.lab.example::data-dr*" and message != "*@gdr1.lab.example::data-dr*"',
    );
  });

  it('names a non-root remote as Gluster does, user@host::volume', () => {
    const k = { ...key, secondary_user: 'geoaccount' };
    expect(secondaryUrl(k)).toBe('geoaccount@gdr1.lab.example::data-dr');
    expect(sessionEventsSearch(k, 'gluster-prod')).toBe(
      'Events: origin = gluster-georep and cluster = gluster-prod and message = "* data *geoaccount@gdr1.lab.example::data-dr*"',
    );
  });

  it('quotes a cluster name the search would split, and refuses one it cannot express', () => {
    expect(sessionEventsSearch(key, 'prod east')).toContain('cluster = "prod east"');
    expect(() => sessionEventsSearch(key, 'a"b')).toThrow(/double quote/);
  });

  it('finds every event the service posts about the session, for root and non-root remotes', () => {
    for (const k of [key, { ...key, secondary_user: 'geoaccount' }]) {
      const is = matcher(sessionEventsSearch(k, prod.name));
      for (const text of textsAbout(k, prod)) expect([text, is(text)]).toEqual([text, true]);
    }
  });

  it("finds none of another session's: another source volume, remote, user or cluster, or origin", () => {
    const is = matcher(sessionEventsSearch(key, prod.name));
    const others: [SessionKey, EngineCluster][] = [
      [{ ...key, primary_volume: 'vmstore' }, prod],
      [{ ...key, primary_volume: 'data2' }, prod], // a volume whose name starts like it
      [{ ...key, primary_volume: 'mydata' }, prod], // or ends like it
      [{ ...key, secondary_volume: 'vmstore-dr' }, prod],
      [{ ...key, secondary_host: 'gdr2.lab.example' }, prod],
      [{ ...key, secondary_user: 'geoaccount' }, prod], // h::v is in user@h::v
    ];
    for (const [k, cl] of others)
      for (const text of textsAbout(k, cl)) expect([text, is(text)]).toEqual([text, false]);
    // And a root session is not a non-root one's.
    const nonRoot = { ...key, secondary_user: 'geoaccount' };
    const isNonRoot = matcher(sessionEventsSearch(nonRoot, prod.name));
    for (const text of textsAbout(key, prod))
      expect([text, isNonRoot(text)]).toEqual([text, false]);
    // The same session's texts, but in another cluster of the same name's volume, or from
    // another origin: not this session's.
    for (const text of textsAbout(key, prod)) {
      expect(is(text, 'gluster-dr')).toBe(false);
      expect(is(text, prod.name, 'someone-else')).toBe(false);
    }
  });
});

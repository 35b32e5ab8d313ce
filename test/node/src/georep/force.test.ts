// The force rule (src/georep/force.ts): Gluster's refusals by kind, which of them each action's
// force skips, and the rule against the simulator: for every refusal it can produce, force is said
// to help exactly when the same action with force then succeeds.
import { defaultLab, type Lab } from '../../../../dev/lab';
import {
  classifyRefusal,
  forceMayHelp,
  judgeRefusal,
  type ForceableAction,
  type RefusalKind,
} from '../../../../src/georep/force';
import { envelope, harness, type Harness } from '../../../support/sim-helpers';

const P1 = 'gprod1.lab.example';
const P2 = 'gprod2.lab.example';
const P3 = 'gprod3.lab.example';

describe('what a refusal is about', () => {
  test.each<[string, RefusalKind]>([
    [
      'Peer gprod3.lab.example, which is a part of data volume, is down. Please bring up the peer and retry.',
      'peer_down',
    ],
    ['geo-replication session between home & gdr2::home-dr already started', 'already_started'],
    ['Geo-replication session between home and gdr2::home-dr already Paused.', 'already_paused'],
    ['Geo-replication session between home and gdr2::home-dr is not Paused.', 'not_paused'],
    ['Pause check Failed: Geo-rep session is not setup', 'status_unreadable'],
    [
      'geo-replication session b/w home & gdr2::home-dr is not running on this node.',
      'not_running_here',
    ],
    ['Geo-replication session between home and gdr2::home-dr does not exist.', 'session_missing'],
    [
      'Session between home and geoaccount@gdr2::home-dr has not been created. Please create session and retry.',
      'session_missing',
    ],
    ['state-file entry missing in the config file(/var/lib/glusterd/x).', 'state_file_missing'],
    ['Volume scratch needs to be started before geo-replication start', 'volume_not_started'],
    ['Volume name nosuch does not exist', 'volume_missing'],
    ['Unable to spawn gsyncd', 'spawn_failed'],
    [
      'geo-replication session between home & gdr2::home-dr is still active. Please stop the session and retry.',
      'still_active',
    ],
    ['Another transaction is in progress for data. Please try again after some time.', 'busy'],
    ['Locking failed on gprod2.lab.example. Please check log file for details.', 'busy'],
    ['fuse unavailable', 'other'],
    ['', 'other'],
  ])('"%s" is %s', (message, kind) => {
    expect(classifyRefusal(message)).toBe(kind);
  });

  test("inside another node's staging failure, and inside the service's fault detail", () => {
    expect(
      classifyRefusal(
        'Staging failed on gprod2.lab.example. Error: Geo-replication session between data and gdr1::data-dr already Paused.',
      ),
    ).toBe('already_paused');
    expect(
      classifyRefusal(
        'Pausing the session data -> root@gdr1.lab.example::data-dr failed. Gluster said: Peer gprod3.lab.example, which is a part of data volume, is down. Please bring up the peer and retry.',
      ),
    ).toBe('peer_down');
  });
});

describe('which refusals force skips, by action', () => {
  const peerDown =
    'Peer gprod3.lab.example, which is a part of data volume, is down. Please bring up the peer and retry.';
  test.each<[ForceableAction, string, boolean]>([
    ['stop', peerDown, true],
    ['pause', peerDown, false],
    ['resume', peerDown, false],
    ['delete', peerDown, false],
    ['start', 'geo-replication session between a & b::c already started', true],
    ['start', 'Unable to spawn gsyncd', true],
    ['start', 'Volume a needs to be started before geo-replication start', false],
    ['start', 'Geo-replication session between a and b::c does not exist.', false],
    ['stop', 'geo-replication session b/w a & b::c is not running on this node.', true],
    ['stop', 'Geo-replication session between a and b::c does not exist.', true],
    ['pause', 'geo-replication session b/w a & b::c is not running on this node.', false],
    ['pause', 'Geo-replication session between a and b::c already Paused.', true],
    ['resume', 'Geo-replication session between a and b::c is not Paused.', true],
    ['pause', 'Geo-replication session between a and b::c is not Paused.', false],
    ['delete', 'geo-replication session between a & b::c is still active.', false],
    ['stop', 'Another transaction is in progress for a. Please try again after some time.', false],
    ['stop', 'Volume name a does not exist', false],
    ['stop', 'something Gluster says that nobody has seen', false],
  ])('%s refused with "%s": force may help = %s', (action, message, expected) => {
    expect(forceMayHelp(action, message)).toBe(expected);
  });

  test('never after a forced attempt', () => {
    expect(forceMayHelp('stop', peerDown, true)).toBe(false);
    expect(judgeRefusal('stop', peerDown, true)).toEqual({
      kind: 'peer_down',
      forceMayHelp: false,
    });
    expect(judgeRefusal('stop', peerDown, false)).toEqual({
      kind: 'peer_down',
      forceMayHelp: true,
    });
  });
});

describe('the rule against the simulator', () => {
  async function geo(h: Harness, node: string, pvol: string, sec: string, ...args: string[]) {
    const r = await h.xml(node, 'volume', 'geo-replication', pvol, sec, ...args);
    return envelope(r.stdout);
  }

  /**
   * A plain `action` is refused; the rule's verdict on Gluster's words must be what force then
   * does. Returns Gluster's words. Delete has no force: its refusals must never be forceable.
   */
  async function refusedThenForced(
    h: Harness,
    node: string,
    pvol: string,
    sec: string,
    action: ForceableAction,
  ): Promise<string> {
    const plain = await geo(h, node, pvol, sec, action);
    expect(plain.opRet).not.toBe(0);
    const verdict = forceMayHelp(action, plain.opErrstr);
    if (action === 'delete') {
      expect(verdict).toBe(false);
      return plain.opErrstr;
    }
    const forced = await geo(h, node, pvol, sec, action, 'force');
    expect({ message: plain.opErrstr, forceMayHelp: verdict }).toEqual({
      message: plain.opErrstr,
      forceMayHelp: forced.opRet === 0,
    });
    if (forced.opRet !== 0) expect(forceMayHelp(action, forced.opErrstr, true)).toBe(false);
    return plain.opErrstr;
  }

  function allUpLab(): Lab {
    const lab = defaultLab();
    for (const host of lab.hosts)
      if (host.status !== 'up' && host.gluster_version) host.status = 'up';
    return lab;
  }

  async function started(lab: Lab, pvol: string, sec: string): Promise<Harness> {
    const h = harness(lab);
    await h.xml(P1, 'system::', 'execute', 'gsec_create');
    expect((await geo(h, P1, pvol, sec, 'create', 'push-pem', 'force')).opRet).toBe(0);
    expect((await geo(h, P1, pvol, sec, 'start')).opRet).toBe(0);
    h.advance(10);
    return h;
  }

  test('a peer of the volume is down (gprod3): only stop force gets past it', async () => {
    const sec = 'gdr1.lab.example::backup-dr';
    const h = await started(defaultLab(), 'vmstore', sec);
    for (const action of ['pause', 'resume', 'delete', 'stop'] as const) {
      expect(await refusedThenForced(h, P1, 'vmstore', sec, action)).toMatch(/is down/);
    }
  });

  test('states: already started, not Paused, already Paused, still active', async () => {
    const sec = 'gdr2.lab.example::home-dr';
    const h = await started(allUpLab(), 'home', sec);
    expect(await refusedThenForced(h, P1, 'home', sec, 'start')).toMatch(/already started/);
    expect(await refusedThenForced(h, P1, 'home', sec, 'resume')).toMatch(/is not Paused/);
    expect(await refusedThenForced(h, P1, 'home', sec, 'delete')).toMatch(/still active/);
    expect((await geo(h, P1, 'home', sec, 'pause')).opRet).toBe(0);
    expect(await refusedThenForced(h, P1, 'home', sec, 'pause')).toMatch(/already Paused/);
  });

  test('a node holding no brick of the volume: stop force only', async () => {
    const sec = 'gdr2.lab.example::home-dr';
    const h = await started(allUpLab(), 'home', sec);
    expect(await refusedThenForced(h, P3, 'home', sec, 'pause')).toMatch(
      /not running on this node/,
    );
    expect(await refusedThenForced(h, P3, 'home', sec, 'stop')).toMatch(/not running on this node/);
  });

  test('a primary volume that is not started, a session or volume that does not exist', async () => {
    const h = harness(defaultLab());
    const sec = 'gdr1.lab.example::backup-dr';
    expect((await geo(h, P2, 'scratch', sec, 'create', 'no-verify')).opRet).toBe(0);
    expect(await refusedThenForced(h, P2, 'scratch', sec, 'start')).toMatch(/needs to be started/);
    const none = 'gdr2.lab.example::home-dr';
    expect(await refusedThenForced(h, P1, 'home', none, 'start')).toMatch(/does not exist/);
    expect(await refusedThenForced(h, P1, 'home', none, 'stop')).toMatch(/does not exist/);
    expect(await refusedThenForced(h, P1, 'nosuch', none, 'pause')).toMatch(/does not exist/);
  });
});

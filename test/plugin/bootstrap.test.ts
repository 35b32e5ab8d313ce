import { createPluginIntl } from '../../src/intl';
import { bootstrap, PLACE_TOKEN, PLACE_URL } from '../../src/plugin/bootstrap';
import type { EngineCluster } from '../../src/api/engine';
import { fakeWebAdmin, type FakeWebAdmin } from './fakePluginApi';

const gluster: EngineCluster = { id: 'c1', name: 'gluster-prod', gluster_service: 'true' };

async function run(wa: FakeWebAdmin, list: () => Promise<EngineCluster[]>, timeoutMs = 1000) {
  return bootstrap({
    api: wa.api,
    intl: await createPluginIntl('en-US'),
    listGlusterClusters: list,
    checkTimeoutMs: timeoutMs,
    log: (level, message) => wa.api.logger!()[level](message),
  });
}

describe('plugin bootstrap', () => {
  it('adds Geo Replication under Storage when the user sees a Gluster cluster', async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => Promise.resolve([gluster]));
    expect(wa.state()).toBe('IN_USE');
    expect(state.placeAdded).toBe(true);
    expect(wa.places).toEqual([
      {
        menu: 'storage',
        label: 'Geo Replication',
        token: PLACE_TOKEN,
        url: PLACE_URL,
        priority: 2,
      },
    ]);
    expect(wa.refused).toEqual([]);
  });

  it('adds no place when the user sees no Gluster cluster, and says why in the log', async () => {
    const wa = fakeWebAdmin();
    await run(wa, () => Promise.resolve([]));
    expect(wa.state()).toBe('IN_USE');
    expect(wa.places).toEqual([]);
    expect(
      wa.logs.some((l) => l.level === 'info' && l.message.includes('No Gluster cluster')),
    ).toBe(true);
    expect(wa.refused).toEqual([]);
  });

  it('calls ready() even when the engine is unreachable, and adds no place', async () => {
    const wa = fakeWebAdmin();
    await run(wa, () => Promise.reject(new Error('connect ECONNREFUSED')));
    expect(wa.state()).toBe('IN_USE');
    expect(wa.places).toEqual([]);
    expect(wa.logs.some((l) => l.level === 'warning' && l.message.includes('ECONNREFUSED'))).toBe(
      true,
    );
  });

  it('calls ready() when the engine never answers, after the timeout', async () => {
    const wa = fakeWebAdmin();
    await run(wa, () => new Promise<EngineCluster[]>(() => undefined), 50);
    expect(wa.state()).toBe('IN_USE');
    expect(wa.places).toEqual([]);
    expect(wa.logs.some((l) => l.message.includes('no answer within 50 ms'))).toBe(true);
  });

  it('re-checks on UserLogin and adds the place once when Gluster clusters become visible', async () => {
    const wa = fakeWebAdmin();
    let visible: EngineCluster[] = [];
    const list = jest.fn(() => Promise.resolve(visible));
    await run(wa, list);
    expect(wa.places).toHaveLength(0);
    visible = [gluster];
    wa.fire('UserLogin', 'glusteradmin@internal', 'u-glusteradmin');
    await new Promise((r) => setTimeout(r, 0));
    expect(list).toHaveBeenCalledTimes(2);
    expect(wa.places).toHaveLength(1);
    wa.fire('UserLogin', 'glusteradmin@internal', 'u-glusteradmin');
    await new Promise((r) => setTimeout(r, 0));
    expect(wa.places).toHaveLength(1);
    expect(wa.refused).toEqual([]);
  });

  it('registers exactly once and never calls a UI function before ready()', async () => {
    const wa = fakeWebAdmin();
    const register = jest.spyOn(wa.api, 'register');
    await run(wa, () => Promise.resolve([gluster]));
    expect(register).toHaveBeenCalledTimes(1);
    expect(wa.refused).toEqual([]);
  });
});

describe('plugin bootstrap hooks', () => {
  it('calls onPlaceAdded once, only when the place is added', async () => {
    const wa = fakeWebAdmin();
    const onPlaceAdded = jest.fn();
    await bootstrap({
      api: wa.api,
      intl: await createPluginIntl('en-US'),
      listGlusterClusters: () => Promise.resolve([gluster]),
      checkTimeoutMs: 100,
      log: () => undefined,
      onPlaceAdded,
    });
    expect(onPlaceAdded).toHaveBeenCalledTimes(1);
    const wa2 = fakeWebAdmin();
    const none = jest.fn();
    await bootstrap({
      api: wa2.api,
      intl: await createPluginIntl('en-US'),
      listGlusterClusters: () => Promise.resolve([]),
      checkTimeoutMs: 100,
      log: () => undefined,
      onPlaceAdded: none,
    });
    expect(none).not.toHaveBeenCalled();
  });
});

describe('New Geo-Replication Session on Storage › Volumes', () => {
  it('is enabled for exactly one selected volume of a Gluster cluster, and opens the Start flow for it', async () => {
    const { takeIntent } = await import('../../src/plugin/intent');
    const wa = fakeWebAdmin();
    await run(wa, () => Promise.resolve([gluster]));
    expect(wa.buttons).toHaveLength(1);
    const { entity, label, button } = wa.buttons[0]!;
    expect([entity, label]).toEqual(['GlusterVolume', 'New Geo-Replication Session']);
    const vol = (name: string, clusterId: string) => ({ id: `v-${name}`, name, clusterId });
    expect(button.isEnabled!([vol('data', 'c1')])).toBe(true);
    expect(button.isEnabled!([])).toBe(false);
    expect(button.isEnabled!([vol('data', 'c1'), vol('home', 'c1')])).toBe(false);
    expect(button.isEnabled!([vol('other', 'c-not-gluster')])).toBe(false);
    button.onClick!([vol('data', 'c1')]);
    expect(wa.revealed).toEqual([PLACE_TOKEN]);
    expect(takeIntent(window.sessionStorage)).toMatchObject({
      action: 'start-session',
      clusterId: 'c1',
      volumeName: 'data',
    });
    expect(wa.refused).toEqual([]);
  });
});

describe('start-session intent', () => {
  it('is taken once, and a stale or malformed one is dropped', async () => {
    const { takeIntent, writeIntent, INTENT_KEY, INTENT_TTL_MS } =
      await import('../../src/plugin/intent');
    writeIntent(
      window.sessionStorage,
      { action: 'start-session', clusterId: 'c1', volumeName: 'data' },
      1000,
    );
    expect(takeIntent(window.sessionStorage, 2000)?.volumeName).toBe('data');
    expect(takeIntent(window.sessionStorage, 2000)).toBeNull();
    writeIntent(
      window.sessionStorage,
      { action: 'start-session', clusterId: 'c1', volumeName: 'data' },
      1000,
    );
    expect(takeIntent(window.sessionStorage, 1000 + INTENT_TTL_MS)).toBeNull();
    window.sessionStorage.setItem(INTENT_KEY, '{not json');
    expect(takeIntent(window.sessionStorage)).toBeNull();
    expect(window.sessionStorage.getItem(INTENT_KEY)).toBeNull();
  });
});

import { createPluginIntl } from '../../../../src/intl';
import {
  bootstrap,
  PLACE_TOKEN,
  PLACE_URL,
  VOLUME_TAB_TOKEN,
  VOLUME_TAB_URL,
} from '../../../../src/plugin/bootstrap';
import type { EngineCluster } from '../../../../src/api/engine';
import { fakeWebAdmin, type FakeWebAdmin } from '../../../support/fakePluginApi';

const gluster: EngineCluster = { id: 'c1', name: 'gluster-prod', gluster_service: 'true' };

interface RunOpts {
  timeoutMs?: number;
  landingWaitMs?: number;
  onPlaceAdded?: () => void;
}

async function run(wa: FakeWebAdmin, list: () => Promise<EngineCluster[]>, o: RunOpts = {}) {
  return bootstrap({
    api: wa.api,
    intl: await createPluginIntl('en-US'),
    listGlusterClusters: list,
    checkTimeoutMs: o.timeoutMs ?? 1000,
    landingWaitMs: o.landingWaitMs ?? 1000,
    initialToken: () => wa.hash,
    navigate: (token) => {
      wa.navigated.push(token);
      wa.goTo(token.replace(/^#/, '').split(';')[0]!);
    },
    log: (level, message) => wa.api.logger!()[level](message),
    onPlaceAdded: o.onPlaceAdded,
  });
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
/** An answer that comes when the test says so. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('plugin bootstrap', () => {
  it('adds Geo-Replication under Storage, after Volumes, when the user sees a Gluster cluster', async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => Promise.resolve([gluster]));
    await state.settled;
    expect(wa.state()).toBe('IN_USE');
    expect(state.placeAdded).toBe(true);
    expect(wa.places).toEqual([
      {
        menu: 'storage',
        label: 'Geo-Replication',
        token: PLACE_TOKEN,
        url: PLACE_URL,
        // MenuView.addSecondaryMenuItemPlace inserts at index + 1: after Volumes.
        priority: 4,
      },
    ]);
    expect(wa.refused).toEqual([]);
  });

  it("does not take the landing page: the place comes only after WebAdmin's first transition", async () => {
    const wa = fakeWebAdmin({ holdTransition: true });
    const state = await run(wa, () => Promise.resolve([gluster]));
    await tick(10);
    // The answer is in, but WebAdmin has not placed the user yet: adding now would make our
    // place the default place (PluginUiFunctions.addContentView) and the user would land on it.
    expect(state.glusterVisible).toBe(true);
    expect(wa.places).toEqual([]);
    wa.transition();
    expect(wa.current()).toBe('vms');
    await state.settled;
    expect(state.placeAdded).toBe(true);
    expect(wa.current()).toBe('vms');
    expect(wa.navigated).toEqual([]);
  });

  it('says ready at once when the URL does not name its place, however slow the engine', async () => {
    const wa = fakeWebAdmin();
    const answer = deferred<EngineCluster[]>();
    const t0 = Date.now();
    const state = await run(wa, () => answer.promise, { landingWaitMs: 5000 });
    expect(wa.state()).toBe('IN_USE');
    expect(Date.now() - t0).toBeLessThan(1000);
    await tick(10);
    expect(wa.current()).toBe('vms');
    expect(wa.places).toEqual([]);
    answer.resolve([gluster]);
    await state.settled;
    expect(wa.places.map((p) => p.token)).toEqual([PLACE_TOKEN]);
    expect(wa.current()).toBe('vms');
  });

  it('a deep link waits for the answer, within the bound, and WebAdmin lands on the place', async () => {
    const wa = fakeWebAdmin({ hash: `${PLACE_TOKEN};cluster=c1` });
    const state = await run(wa, () => Promise.resolve([gluster]), { landingWaitMs: 1000 });
    expect(state.placeAdded).toBe(true); // added in UiInit, before the transition
    await tick(10);
    expect(wa.current()).toBe(PLACE_TOKEN);
    expect(wa.navigated).toEqual([]);
  });

  it('a deep link whose answer is later than the bound: WebAdmin goes on, then the link is followed', async () => {
    const wa = fakeWebAdmin({ hash: `${PLACE_TOKEN};cluster=c1` });
    const answer = deferred<EngineCluster[]>();
    const t0 = Date.now();
    const state = await run(wa, () => answer.promise, { landingWaitMs: 50 });
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(1000);
    await tick(10);
    expect(wa.current()).toBe('vms'); // the token named no place yet: the default place
    answer.resolve([gluster]);
    await state.settled;
    expect(wa.navigated).toEqual([`${PLACE_TOKEN};cluster=c1`]);
    expect(wa.current()).toBe(PLACE_TOKEN);
  });

  it('a late answer does not pull a user who has moved on back to the deep link', async () => {
    const wa = fakeWebAdmin({ hash: `${PLACE_TOKEN};cluster=c1` });
    const answer = deferred<EngineCluster[]>();
    const state = await run(wa, () => answer.promise, { landingWaitMs: 10 });
    await tick(250); // WebAdmin placed the user (the plugin looks every 100 ms), who then moves on
    wa.goTo('hosts');
    answer.resolve([gluster]);
    await state.settled;
    expect(state.placeAdded).toBe(true);
    expect(wa.navigated).toEqual([]);
    expect(wa.current()).toBe('hosts');
  });

  it('adds no place when the user sees no Gluster cluster, and says why in the log', async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => Promise.resolve([]));
    await state.settled;
    expect(wa.state()).toBe('IN_USE');
    expect(wa.places).toEqual([]);
    expect(
      wa.logs.some((l) => l.level === 'info' && l.message.includes('No Gluster cluster')),
    ).toBe(true);
    expect(wa.refused).toEqual([]);
  });

  it('calls ready() even when the engine is unreachable, and adds no place', async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => Promise.reject(new Error('connect ECONNREFUSED')));
    await state.settled;
    expect(wa.state()).toBe('IN_USE');
    expect(wa.places).toEqual([]);
    expect(wa.logs.some((l) => l.level === 'warning' && l.message.includes('ECONNREFUSED'))).toBe(
      true,
    );
  });

  it('gives up on an engine that never answers, after the timeout', async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => new Promise<EngineCluster[]>(() => undefined), {
      timeoutMs: 50,
    });
    expect(wa.state()).toBe('IN_USE');
    await state.settled;
    expect(wa.places).toEqual([]);
    expect(wa.logs.some((l) => l.message.includes('no answer within 50 ms'))).toBe(true);
  });

  it('re-checks on UserLogin and adds the place once when Gluster clusters become visible', async () => {
    const wa = fakeWebAdmin();
    let visible: EngineCluster[] = [];
    const list = jest.fn(() => Promise.resolve(visible));
    const state = await run(wa, list);
    await state.settled;
    await tick(10);
    expect(wa.places).toHaveLength(0);
    visible = [gluster];
    wa.fire('UserLogin', 'glusteradmin@internal', 'ab541927-e9af-3366-9349-95577c67a111');
    await tick(10);
    expect(list).toHaveBeenCalledTimes(2);
    expect(wa.places).toHaveLength(1);
    wa.fire('UserLogin', 'glusteradmin@internal', 'ab541927-e9af-3366-9349-95577c67a111');
    await tick(10);
    expect(wa.places).toHaveLength(1);
    expect(wa.refused).toEqual([]);
  });

  it('asks the engine once at start, though WebAdmin delivers UserLogin right after UiInit', async () => {
    const wa = fakeWebAdmin();
    wa.fire('UserLogin', 'admin@internal', '59c035ea-763e-3ad9-a8e6-532bf4d0cdba'); // queued until IN_USE
    const list = jest.fn(() => Promise.resolve([gluster]));
    const state = await run(wa, list);
    await state.settled;
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('registers exactly once and never calls a UI function before ready()', async () => {
    const wa = fakeWebAdmin();
    const register = jest.spyOn(wa.api, 'register');
    const state = await run(wa, () => Promise.resolve([gluster]));
    await state.settled;
    expect(register).toHaveBeenCalledTimes(1);
    expect(wa.refused).toEqual([]);
  });
});

describe('plugin bootstrap hooks', () => {
  it('calls onPlaceAdded once, only when the place is added', async () => {
    const wa = fakeWebAdmin();
    const onPlaceAdded = jest.fn();
    await (
      await run(wa, () => Promise.resolve([gluster]), { onPlaceAdded })
    ).settled;
    expect(onPlaceAdded).toHaveBeenCalledTimes(1);
    const wa2 = fakeWebAdmin();
    const none = jest.fn();
    await (
      await run(wa2, () => Promise.resolve([]), { onPlaceAdded: none })
    ).settled;
    expect(none).not.toHaveBeenCalled();
  });
});

describe('New Geo-Replication Session on Storage › Volumes', () => {
  it('is enabled for exactly one selected volume of a Gluster cluster, and opens the Start flow for it', async () => {
    const { takeIntent } = await import('../../../../src/plugin/intent');
    const wa = fakeWebAdmin();
    await (
      await run(wa, () => Promise.resolve([gluster]))
    ).settled;
    expect(wa.buttons).toHaveLength(2);
    const { entity, label, button } = wa.buttons[0]!;
    expect([entity, label]).toEqual(['GlusterVolume', 'New Geo-Replication Session']);
    const vol = (name: string, clusterId: string) => ({ id: `v-${name}`, name, clusterId });
    // On a main list, mainEntity is EntityObject.from(null): {id: ""}.
    const none = { id: '' };
    expect(button.isEnabled!([vol('data', 'c1')], none)).toBe(true);
    expect(button.isEnabled!([], none)).toBe(false);
    expect(button.isEnabled!([vol('data', 'c1'), vol('home', 'c1')], none)).toBe(false);
    expect(button.isEnabled!([vol('other', 'c-not-gluster')], none)).toBe(false);
    button.onClick!([vol('data', 'c1')], none);
    expect(wa.revealed).toEqual([PLACE_TOKEN]);
    expect(takeIntent(window.sessionStorage)).toMatchObject({
      action: 'start-session',
      clusterId: 'c1',
      volumeName: 'data',
    });
    expect(wa.refused).toEqual([]);
  });
});

describe('Remote Data Sync Setup on Storage › Volumes', () => {
  it('is enabled for one volume of a Gluster cluster and asks the place to open its storage domain sync', async () => {
    const { takeDrIntent, takeIntent } = await import('../../../../src/plugin/intent');
    const wa = fakeWebAdmin();
    await (
      await run(wa, () => Promise.resolve([gluster]))
    ).settled;
    const { entity, label, button } = wa.buttons[1]!;
    expect([entity, label]).toEqual(['GlusterVolume', 'Remote Data Sync Setup']);
    const vol = (name: string, clusterId: string) => ({ id: `v-${name}`, name, clusterId });
    const none = { id: '' };
    expect(button.isEnabled!([vol('data', 'c1')], none)).toBe(true);
    expect(button.isEnabled!([vol('data', 'c1'), vol('home', 'c1')], none)).toBe(false);
    expect(button.isEnabled!([vol('other', 'c-not-gluster')], none)).toBe(false);
    button.onClick!([vol('data', 'c1')], none);
    expect(wa.revealed).toEqual([PLACE_TOKEN]);
    // its own key: the start-session reader does not take (and drop) it
    expect(takeIntent(window.sessionStorage)).toBeNull();
    expect(takeDrIntent(window.sessionStorage)).toMatchObject({
      action: 'dr-setup',
      clusterId: 'c1',
      volumeName: 'data',
    });
    expect(takeDrIntent(window.sessionStorage)).toBeNull();
  });
});

describe('start-session intent', () => {
  it('is taken once, and a stale or malformed one is dropped', async () => {
    const { takeIntent, writeIntent, INTENT_KEY, INTENT_TTL_MS } =
      await import('../../../../src/plugin/intent');
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

  it('carries the place to go back to only when it is a WebAdmin place token', async () => {
    const { takeIntent, writeIntent } = await import('../../../../src/plugin/intent');
    const write = (returnTo: string) =>
      writeIntent(
        window.sessionStorage,
        { action: 'start-session', clusterId: 'c1', volumeName: 'data', returnTo },
        1000,
      );
    write('volumes');
    expect(takeIntent(window.sessionStorage, 2000)?.returnTo).toBe('volumes');
    for (const bad of ['javascript:alert(1)', 'volumes;x=1', '', '../vms']) {
      write(bad);
      const got = takeIntent(window.sessionStorage, 2000);
      expect(got?.volumeName).toBe('data');
      expect(got).not.toHaveProperty('returnTo');
    }
  });
});

describe("the volumes' Geo-Replication (live) sub tab", () => {
  const data = { id: 'v-1', name: 'data', clusterId: 'c1' };

  it("is added beside WebAdmin's own Geo-Replication tab when the user sees a Gluster cluster", async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => Promise.resolve([gluster]));
    await state.settled;
    expect(state.volumeTabAdded).toBe(true);
    expect(wa.detailPlaces).toEqual([
      {
        entity: 'GlusterVolume',
        label: 'Geo-Replication (live)',
        token: VOLUME_TAB_TOKEN,
        url: VOLUME_TAB_URL,
        priority: 4.5,
      },
    ]);
    expect(wa.refused).toEqual([]);
  });

  it('is not added for a user who sees no Gluster cluster', async () => {
    const wa = fakeWebAdmin();
    const state = await run(wa, () => Promise.resolve([]));
    await state.settled;
    expect(state.volumeTabAdded).toBe(false);
    expect(wa.detailPlaces).toEqual([]);
  });

  it('follows the volume WebAdmin says is open, also one selected before the tab was added', async () => {
    const wa = fakeWebAdmin();
    const answer = deferred<EngineCluster[]>();
    const state = run(wa, () => answer.promise);
    await tick(10);
    wa.fire('GlusterVolumeSelectionChange', [data]);
    expect(wa.contentUrls).toEqual([]);
    answer.resolve([gluster]);
    await (
      await state
    ).settled;
    await tick(10);
    expect(wa.contentUrls).toEqual([
      {
        token: VOLUME_TAB_TOKEN,
        url: `${VOLUME_TAB_URL}?clusterId=c1&volumeId=v-1&volumeName=data`,
      },
    ]);
    wa.fire('GlusterVolumeSelectionChange', [{ id: 'v-2', name: 'home', clusterId: 'c1' }]);
    expect(wa.contentUrls.at(-1)).toEqual({
      token: VOLUME_TAB_TOKEN,
      url: `${VOLUME_TAB_URL}?clusterId=c1&volumeId=v-2&volumeName=home`,
    });
    expect(wa.refused).toEqual([]);
  });

  it('a reload on the sub tab waits for the engine, so the tab exists when WebAdmin resolves the URL', async () => {
    const wa = fakeWebAdmin({ hash: `${VOLUME_TAB_TOKEN};name=data`, holdTransition: true });
    const answer = deferred<EngineCluster[]>();
    const state = run(wa, () => answer.promise, { landingWaitMs: 5000 });
    await tick(20);
    expect(wa.state()).toBe('LOADING'); // ready() not yet: WebAdmin holds its first transition
    answer.resolve([gluster]);
    await state;
    expect(wa.state()).toBe('IN_USE');
    expect(wa.detailPlaces.map((p) => p.token)).toEqual([VOLUME_TAB_TOKEN]);
    expect(wa.current()).toBeNull(); // added before the first transition
  });
});

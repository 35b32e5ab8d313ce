// The WebAdmin stand-in's rules (dev/webadmin/rules.ts), each against the oVirt source it models.
// "E:" = ovirt-engine frontend/webadmin/modules/webadmin/src/main/java/org/ovirt/engine/ui/webadmin/.
import {
  DEFAULT_MAIN_SECTION_PLACE,
  LOGGER_SINCE,
  booleanResult,
  builtinMenu,
  builtinVolumeTabs,
  buttonIndex,
  entityObject,
  insertPrimary,
  insertSecondary,
  invokeJs,
  orderTabs,
  priorityIndex,
  resolvePlace,
  searchApplies,
  searchCollectorKey,
  searchFragment,
  tabPriority,
  versionAtLeast,
  type MenuItem,
} from '../../../../dev/webadmin/rules';
import { PLACE_PRIORITY, VOLUME_TAB_PRIORITY } from '../../../../src/plugin/bootstrap';

const storageLabels = (menu: MenuItem[]) =>
  menu
    .find((m) => m.id === 'storage')!
    .secondary!.filter((s) => !s.header && !s.hidden)
    .map((s) => s.label);

describe('places (WebAdminApplicationPlaces, WebAdminPlaceManager, PluginUiFunctions)', () => {
  it('lands on vms when no plugin added a menu place (DEFAULT_MAIN_SECTION_PLACE, WebAdminApplicationPlaces.java:194)', () => {
    expect(DEFAULT_MAIN_SECTION_PLACE).toBe('vms');
    expect(resolvePlace(null, () => true, DEFAULT_MAIN_SECTION_PLACE)).toEqual({
      token: 'vms',
      fellBack: false,
    });
  });

  it('sends an unknown place to the default place (ApplicationPlaceManager.revealErrorPlace:77-81)', () => {
    const known = (t: string) => ['vms', 'dashboard-main'].includes(t);
    expect(resolvePlace('gluster-georep', known, 'dashboard-main')).toEqual({
      token: 'dashboard-main',
      fellBack: true,
    });
    expect(resolvePlace('vms', known, 'dashboard-main')).toEqual({ token: 'vms', fellBack: false });
  });
});

describe('menus (E:section/main/view/MenuView.java, MenuView.ui.xml)', () => {
  it('has the AllModes Storage menu, its Clusters entry hidden but counted (MenuView.java:200-205)', () => {
    const storage = builtinMenu().find((m) => m.id === 'storage')!.secondary!;
    expect(storage.map((s) => s.token)).toEqual([
      '',
      'dataCenters',
      'clusters',
      'storage',
      'volumes',
      'disks',
    ]);
    expect(storageLabels(builtinMenu())).toEqual(['Data Centers', 'Domains', 'Volumes', 'Disks']);
  });

  it('inserts a secondary place at index + 1, after the header (addSecondaryMenuItemPlace:280-300)', () => {
    const at = (index: number) => {
      const menu = builtinMenu();
      insertSecondary(
        menu.find((m) => m.id === 'storage')!,
        index,
        {
          token: 'x',
          label: 'X',
        },
      );
      return storageLabels(menu);
    };
    expect(at(0)).toEqual(['X', 'Data Centers', 'Domains', 'Volumes', 'Disks']);
    expect(at(2)).toEqual(['Data Centers', 'X', 'Domains', 'Volumes', 'Disks']);
    expect(at(4)).toEqual(['Data Centers', 'Domains', 'Volumes', 'X', 'Disks']);
    expect(at(5)).toEqual(['Data Centers', 'Domains', 'Volumes', 'Disks', 'X']);
    // Negative and past-the-end: appended (not clamped to 0, unlike a primary place).
    expect(at(-1)).toEqual(['Data Centers', 'Domains', 'Volumes', 'Disks', 'X']);
    expect(at(2147483647)).toEqual(['Data Centers', 'Domains', 'Volumes', 'Disks', 'X']);
  });

  it("puts this plugin's place right after Volumes", () => {
    const menu = builtinMenu();
    insertSecondary(
      menu.find((m) => m.id === 'storage')!,
      PLACE_PRIORITY,
      {
        token: 'gluster-georep',
        label: 'Geo-Replication',
      },
    );
    expect(storageLabels(menu)).toEqual([
      'Data Centers',
      'Domains',
      'Volumes',
      'Geo-Replication',
      'Disks',
    ]);
  });

  it('clamps a primary place index to 0 and appends past the end (addPrimaryMenuItemPlace:252-278)', () => {
    const menu = builtinMenu();
    expect(
      insertPrimary(menu, priorityIndex(-1), { id: 'dashboard-main', label: 'D', kind: 'place' }),
    ).toBe(0);
    expect(
      insertPrimary(menu, priorityIndex(undefined), { id: 'last', label: 'L', kind: 'place' }),
    ).toBe(6);
    expect(menu.map((m) => m.id)).toEqual([
      'dashboard-main',
      'compute',
      'network',
      'storage',
      'admin',
      'events',
      'last',
    ]);
  });

  it('reads priority as Java does: a non-number is the default, a fraction truncated (TabOptions, getValueAsDouble)', () => {
    expect(priorityIndex(undefined)).toBe(2147483647);
    expect(priorityIndex('2')).toBe(2147483647);
    expect(priorityIndex(2.9)).toBe(2);
    expect(priorityIndex(-1.5)).toBe(-1);
    expect(priorityIndex(Number.NaN)).toBe(0);
    expect(buttonIndex(-3)).toBe(0); // ActionButtonInterface.getIndex: Math.max(0, ...)
    expect(buttonIndex(undefined)).toBe(2147483647);
  });
});

describe('calling plugin code (E:plugin/jsni/JsFunction.java, JsFunctionResultHelper.java)', () => {
  it('logs an exception and reports failure, never rethrows (JsFunction.invoke:125-131)', () => {
    const errors: string[] = [];
    const r = invokeJs(
      () => {
        throw new Error('boom');
      },
      null,
      [],
      (m) => errors.push(m),
    );
    expect(r.ok).toBe(false);
    expect(errors).toEqual(['Error: boom']);
    // A member that is no function is a no-op (JsFunction.get:56-64).
    expect(invokeJs('not a function', null, [], () => undefined)).toEqual({
      ok: true,
      result: undefined,
    });
  });

  it('counts a throwing isEnabled as the default, true (invokeAndGetResultAsBoolean:69-83)', () => {
    const log: string[] = [];
    const thrower = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    };
    expect(booleanResult(thrower, null, [[]], true, (m) => log.push(m))).toBe(true);
    expect(log).toHaveLength(1);
  });

  it('takes only a boolean answer; null is false, anything else the default (JsFunction.java:104)', () => {
    const answer = (v: unknown) =>
      booleanResult(
        () => v,
        null,
        [],
        true,
        () => undefined,
      );
    expect(answer(false)).toBe(false);
    expect(answer(true)).toBe(true);
    expect(answer(null)).toBe(false);
    expect(answer(undefined)).toBe(true);
    expect(answer(0)).toBe(true);
    expect(answer('false')).toBe(true);
    expect(booleanResult(undefined, null, [], true, () => undefined)).toBe(true);
  });
});

describe('entities handed to plugins (E:plugin/entity/EntityObject.java:35-101)', () => {
  it('is {id: ""} where there is no entity (a main list button has no main entity)', () => {
    expect(entityObject(null)).toEqual({ id: '' });
  });

  it('carries name and clusterId for a Gluster volume, name and managed for a cluster', () => {
    expect(
      entityObject({ type: 'GlusterVolume', id: 'v', name: 'data', clusterId: 'c', extra: 1 }),
    ).toEqual({
      id: 'v',
      name: 'data',
      clusterId: 'c',
    });
    expect(entityObject({ type: 'Cluster', id: 'c', name: 'prod' })).toEqual({
      id: 'c',
      name: 'prod',
      managed: true,
    });
    expect(entityObject({ type: 'Disk', id: 'd', name: 'disk1' })).toEqual({ id: 'd' });
  });
});

describe('detail places (PluginUiFunctions.addDetailPlace/addTab, DetailTabDataIndex.java:77-89)', () => {
  it("orders a plugin's tab among WebAdmin's by priority; without one it comes last", () => {
    const tabs = builtinVolumeTabs();
    tabs.push(
      {
        token: 'p-last',
        label: 'Last',
        priority: tabPriority(undefined),
        plugin: 'p',
        contentUrl: 'x',
        accessible: true,
      },
      {
        token: 'p-mid',
        label: 'Mid',
        priority: tabPriority(4.5),
        plugin: 'p',
        contentUrl: 'y',
        accessible: true,
      },
    );
    expect(orderTabs(tabs).map((t) => t.label)).toEqual([
      'General',
      'Bricks',
      'Volume Options',
      'Permissions',
      'Events',
      'Geo-Replication',
      'Mid',
      'Snapshots',
      'Last',
    ]);
  });
});

describe('what each engine version offers', () => {
  it('has logger() from 4.4.7.4 (commit f489e848bdc), not at tag 4.4.7', () => {
    expect(versionAtLeast('4.4.7', LOGGER_SINCE)).toBe(false);
    expect(versionAtLeast('4.4.7.4', LOGGER_SINCE)).toBe(true);
    expect(versionAtLeast('4.4.8', LOGGER_SINCE)).toBe(true);
    expect(versionAtLeast('4.5.7', LOGGER_SINCE)).toBe(true);
  });
});

describe('search strings (PluginUiFunctions.setSearchString, SearchStringCollector, applySearchString)', () => {
  const search = 'Events: origin = gluster-georep and message = "* data *h::v*"';

  it('keeps a string for a list not bound yet under its prefix up to the first colon', () => {
    expect(searchCollectorKey(search)).toBe('Events:');
    expect(searchCollectorKey('Vms: name = a:b')).toBe('Vms:');
    expect(searchCollectorKey('no prefix')).toBeNull();
  });

  it("Events applies only a string that starts with exactly its default 'Events:'", () => {
    expect(searchApplies(search, 'Events:')).toBe(true);
    expect(searchApplies('events: origin = x', 'Events:')).toBe(false); // case counts
    expect(searchApplies('Vms: name = x', 'Events:')).toBe(false);
    expect(searchApplies('', 'Events:')).toBe(false);
  });

  it('writes the search into the URL without the default prefix', () => {
    expect(searchFragment(search, 'Events:')).toBe(
      ' origin = gluster-georep and message = "* data *h::v*"',
    );
  });
});

describe("the plugin's volume sub tab among WebAdmin's (DetailTabDataIndex.java:77-89)", () => {
  it("comes right after WebAdmin's own Geo-Replication tab, before Snapshots", () => {
    const tabs = [
      ...builtinVolumeTabs(),
      {
        token: 'volumes-gluster_georep',
        label: 'Geo-Replication (live)',
        priority: tabPriority(VOLUME_TAB_PRIORITY),
        plugin: 'gluster-georep',
        contentUrl: 'x',
        accessible: true,
      },
    ];
    expect(orderTabs(tabs).map((t) => t.label)).toEqual([
      'General',
      'Bricks',
      'Volume Options',
      'Permissions',
      'Events',
      'Geo-Replication',
      'Geo-Replication (live)',
      'Snapshots',
    ]);
  });
});

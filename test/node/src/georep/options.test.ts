import {
  canonicalOptionName,
  describeConfig,
  findOption,
  GEOREP_OPTIONS,
  validateOptionName,
  validateOptionValue,
} from '../../../../src/georep/options';
import { checkCliResult, parseGeoRepConfig } from '../../../../server/gluster/xml';
import { fixture } from '../../../support/gluster-fixtures';

const realConfig = () => parseGeoRepConfig(checkCliResult([], fixture('georep-config.xml')));

describe('the option catalogue', () => {
  it('has exactly the options Gluster 10.3 lists, in dash form and sorted', () => {
    expect(GEOREP_OPTIONS.map((o) => o.name)).toEqual(Object.keys(realConfig()).sort());
    expect(GEOREP_OPTIONS).toHaveLength(67);
  });

  it.each(GEOREP_OPTIONS.map((o) => [o.name, o] as const))('%s is described and typed', (_n, o) => {
    expect(o.description).toMatch(/^[A-Z"'a-z].{20,}[.)]$/);
    expect(['boolean', 'int', 'string', 'enum', 'path', 'command']).toContain(o.type);
    if (o.type === 'enum') expect(o.allowed_values!.length).toBeGreaterThan(1);
    else expect(o.allowed_values).toBeNull();
    if (o.type === 'boolean') expect(['true', 'false']).toContain(o.default);
    if (o.type === 'int' && o.default !== null && !o.read_only)
      expect(validateOptionValue(o.name, o.default)).toBeNull();
    if (o.type === 'enum' && o.default) expect(o.allowed_values).toContain(o.default);
  });

  it("defaults are Gluster 10.3's (as a fresh session prints them, except what the lab changed)", () => {
    const cfg = realConfig();
    const changedByLab = new Set(['change-interval', 'checkpoint', 'sync-method']);
    for (const o of GEOREP_OPTIONS) {
      if (o.default === null || changedByLab.has(o.name)) continue;
      expect([o.name, cfg[o.name]]).toEqual([o.name, o.default]);
    }
    expect(findOption('sync-method')!.default).toBe('rsync');
    expect(findOption('change-interval')!.default).toBe('5');
    expect(findOption('checkpoint')!.default).toBe('0');
  });

  it('marks what Gluster manages as read-only', () => {
    const ro = GEOREP_OPTIONS.filter((o) => o.read_only).map((o) => o.name);
    for (const n of [
      'working-dir',
      'georep-session-working-dir',
      'pid-file',
      'state-file',
      'glusterd-workdir',
      'gsyncd-miscdir',
      'stime-xattr-prefix',
      'primary-replica-count',
      'log-file',
      'gluster-command',
    ]) {
      expect(ro).toContain(n);
    }
    for (const n of [
      'sync-jobs',
      'sync-method',
      'ssh-port',
      'checkpoint',
      'use-meta-volume',
      'ignore-deletes',
      'log-level',
    ]) {
      expect(ro).not.toContain(n);
    }
  });

  it('finds options in either spelling', () => {
    expect(canonicalOptionName('sync_jobs')).toBe('sync-jobs');
    expect(findOption('sync_jobs')).toBe(findOption('sync-jobs'));
    expect(findOption('nope')).toBeUndefined();
  });
});

describe('validateOptionName / validateOptionValue', () => {
  it('names', () => {
    expect(validateOptionName('sync-jobs')).toBeNull();
    expect(validateOptionName('ssh_port')).toBeNull();
    expect(validateOptionName('no-such')).toMatch(/not a geo-replication option/);
    expect(validateOptionName('pid-file')).toMatch(/managed by Gluster/);
    expect(validateOptionName('')).toMatch(/required/);
  });

  it.each([
    ['sync-jobs', '1'],
    ['sync-jobs', '100'],
    ['ssh-port', '2222'],
    ['sync-method', 'tarssh'],
    ['sync-method', 'rsync'],
    ['change-detector', 'xsync'],
    ['log-level', 'DEBUG'],
    ['use-meta-volume', 'true'],
    ['ignore-deletes', 'false'],
    ['checkpoint', 'now'],
    ['checkpoint', '2026-11-24 23:00:00'],
    ['rsync-options', '--bwlimit=100'],
    ['rsync-options', '-v'],
    ['ssh-command', '/usr/bin/ssh'],
    ['gluster-command-dir', '/usr/sbin'],
    ['special-sync-mode', 'recover'],
    ['secondary-timeout', '0'],
    ['ssh-options', '-oStrictHostKeyChecking=yes -i /var/lib/glusterd/geo-replication/secret.pem'],
    ['ssh-command', 'ssh'],
  ])('accepts %s %j', (n, v) => expect(validateOptionValue(n, v)).toBeNull());

  it.each([
    ['sync-jobs', '0', /at least 1/],
    ['sync-jobs', '101', /at most 100/],
    ['sync-jobs', 'four', /whole number/],
    ['sync-jobs', '4\n5', /cannot contain a control character \(U\+000A\)/],
    ['sync-jobs', '', /reset/],
    ['sync-jobs', ' 4', /spaces/],
    ['ssh-port', '70000', /at most 65535/],
    ['sync-method', 'scp', /one of: rsync, tarssh/],
    ['log-level', 'debug', /one of/],
    ['use-meta-volume', 'yes', /true or false/],
    ['ignore-deletes', '1', /true or false/],
    ['checkpoint', '12', /"now" or a time/],
    ['checkpoint', '2026-02-30 10:00:00', /not a valid date/],
    ['checkpoint', '1970-01-01 00:00:01', /after 1970/],
    ['ssh-command', '/tmp/ssh', /ssh binary only/],
    ['ssh-command', '/bin/ssh; id', /ssh binary only/],
    ['gluster-command-dir', 'relative', /system folder/],
    ['ssh-options', "-oStrictHostKeyChecking=yes -i '/x y'", /cannot contain "'"/],
    ['ssh-options', '-oProxyCommand=/tmp/x', /ProxyCommand is not accepted/],
    ['special-sync-mode', 'blind', /one of: partial, recover/],
    ['pid-file', '/tmp/x', /managed by Gluster/],
    ['glusterd-workdir', '/x', /managed by Gluster/],
    ['nope', '1', /not a geo-replication option/],
    ['rsync-options', 'a\u0000b', /NUL/],
  ])('refuses %s %j', (n, v, why) => expect(validateOptionValue(n, v)).toMatch(why));
});

describe('describeConfig', () => {
  it('merges values with the catalogue and tells what differs from the default', () => {
    const d = describeConfig(realConfig());
    expect(d).toHaveLength(67);
    const by = Object.fromEntries(d.map((o) => [o.name, o]));
    expect(by['sync-method']).toMatchObject({
      value: 'tarssh',
      default: 'rsync',
      modified: true,
      type: 'enum',
      allowed_values: ['rsync', 'tarssh'],
      read_only: false,
    });
    expect(by['sync-jobs']).toMatchObject({
      value: '3',
      default: '3',
      modified: false,
      min: 1,
      max: 100,
    });
    expect(by['working-dir']).toMatchObject({ default: null, modified: false, read_only: true });
    expect(by['sync-jobs']!.description).toMatch(/parallel/);
  });

  it('keeps options it does not know, read-only, and accepts underscores', () => {
    const d = describeConfig({ sync_jobs: '4', 'new-option-of-gluster-11': 'x' });
    expect(d.map((o) => o.name)).toEqual(['new-option-of-gluster-11', 'sync-jobs']);
    expect(d[0]).toMatchObject({ read_only: true, description: '', type: 'string' });
    expect(d[1]).toMatchObject({ value: '4', modified: true });
  });
});

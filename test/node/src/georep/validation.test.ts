import {
  assertSessionKey,
  formatSecondary,
  GeoRepValidationError,
  normalizePath,
  parseRemoteTarget,
  parseSecondaryUrl,
  validateArgValue,
  validateHost,
  validateRemoteTarget,
  validateSessionKey,
  validateSshPort,
  validateUser,
  validateVolumeName,
} from '../../../../src/georep/validation';

const HOSTILE = [
  '; rm -rf /',
  '$(id)',
  '`id`',
  "a'b",
  'a"b',
  'x\ny',
  'a b',
  '--xml',
  '-f',
  '*',
  '../etc',
  'a\0b',
  '|cat',
  '>out',
  '&',
];

describe('validateVolumeName (Gluster 10.3 CLI rules)', () => {
  it.each(['master', 'georep-primary', 'vol_1', '1abc', '_x', 'A'.repeat(256)])(
    'accepts %s',
    (n) => {
      expect(validateVolumeName(n)).toBeNull();
    },
  );
  it.each([
    ['', /required/],
    ['a.b', /cannot contain "\."/],
    ['a b', /cannot contain a space/],
    ['a:b', /cannot contain ":"/],
    ['-ab', /cannot start with "-"/],
    ['é', /cannot contain "é"/],
    ['all', /reserved/],
    ['volume', /reserved/],
    ['force', /reserved/],
    ['snap-max-hard-limit', /reserved/],
    ['A'.repeat(257), /at most 256/],
    ['a\nb', /control character \(U\+000A\)/],
  ])('refuses %j', (n, why) => {
    expect(validateVolumeName(n)).toMatch(why);
  });
  it.each(HOSTILE)('refuses the hostile %j', (n) => {
    expect(validateVolumeName(n)).not.toBeNull();
  });
});

describe('validateHost', () => {
  it.each([
    'vm',
    'gluster1.example.com',
    'a-b.c-d',
    '10.0.0.1',
    'HOST.Example.',
    'x'.repeat(63) + '.com',
  ])('accepts %s', (h) => {
    expect(validateHost(h)).toBeNull();
  });
  it.each([
    ['', /required/],
    ['fe80::1', /IPv6/],
    ['host:22', /IPv6 addresses \(and ports\)/],
    ['256.1.1.1', /not a valid IPv4/],
    ['1.2.3', /not a valid IPv4/],
    ['-host', /start and end with a letter or digit/],
    ['host-', /start and end/],
    ['a..b', /empty labels/],
    ['.a', /empty labels/],
    ['a_b', /cannot contain "_"/],
    ['x'.repeat(64) + '.com', /at most 63/],
    ['a'.repeat(254), /at most 253/],
    ['root@host', /cannot contain "@"/],
  ])('refuses %j', (h, why) => {
    expect(validateHost(h)).toMatch(why);
  });
  it.each(HOSTILE)('refuses the hostile %j', (h) => {
    expect(validateHost(h)).not.toBeNull();
  });
});

describe('validateUser', () => {
  it.each(['root', 'geoaccount', 'geo_user', 'g.user-1', '_svc'])('accepts %s', (u) =>
    expect(validateUser(u)).toBeNull(),
  );
  it.each([
    ['', /required/],
    ['1user', /start with a letter/],
    ['-user', /start with a letter/],
    ['us er', /cannot contain a space/],
    ['u@h', /cannot contain "@"/],
    ['a'.repeat(33), /at most 32/],
  ])('refuses %j', (u, why) => expect(validateUser(u)).toMatch(why));
  it.each(HOSTILE)('refuses the hostile %j', (u) => expect(validateUser(u)).not.toBeNull());
});

describe('validateSshPort', () => {
  it.each([1, 22, 2222, 65535, '22', ' 2222 '])('accepts %j', (p) =>
    expect(validateSshPort(p)).toBeNull(),
  );
  it.each([0, 65536, -1, 22.5, NaN, '', 'abc', '22; id', '0x16'])('refuses %j', (p) =>
    expect(validateSshPort(p)).not.toBeNull(),
  );
});

describe('session keys', () => {
  const key = {
    primary_volume: 'p',
    secondary_host: 'vm',
    secondary_volume: 's',
    secondary_user: 'root',
  };
  it('accepts a valid key and names the field of an invalid one', () => {
    expect(validateSessionKey(key)).toBeNull();
    expect(validateSessionKey({ ...key, secondary_volume: 'a;b' })).toMatchObject({
      field: 'secondary_volume',
    });
    expect(validateSessionKey({ ...key, secondary_user: '' })).toMatchObject({
      field: 'secondary_user',
    });
    const e = (() => {
      try {
        assertSessionKey({ ...key, secondary_host: '$(id)' });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(GeoRepValidationError);
    expect(e).toMatchObject({
      field: 'secondary_host',
      reason: expect.stringContaining('cannot contain "$"') as unknown,
    });
  });
  it('refuses names too long for the session directory Gluster makes', () => {
    const long = { ...key, primary_volume: 'p'.repeat(130), secondary_volume: 's'.repeat(130) };
    expect(validateSessionKey(long)?.reason).toMatch(/too long/);
  });
  it('formats the secondary as Gluster spells it', () => {
    expect(formatSecondary(key)).toBe('vm::s');
    expect(formatSecondary({ ...key, secondary_user: 'geoaccount' })).toBe('geoaccount@vm::s');
  });
  it('parses every spelling of a secondary', () => {
    expect(parseSecondaryUrl('vm::s')).toEqual({ host: 'vm', volume: 's', user: 'root' });
    expect(parseSecondaryUrl('ssh://vm::s')).toEqual({ host: 'vm', volume: 's', user: 'root' });
    expect(parseSecondaryUrl('geo@vm::s')).toEqual({ host: 'vm', volume: 's', user: 'geo' });
    expect(parseSecondaryUrl('ssh://geo@vm::s')).toEqual({ host: 'vm', volume: 's', user: 'geo' });
    expect(parseSecondaryUrl('vm:/srv/dir')).toBeNull();
    expect(parseSecondaryUrl('vm::/srv/dir')).toBeNull();
    expect(parseSecondaryUrl('vm::a;b')).toBeNull();
    expect(parseSecondaryUrl('file:///dir')).toBeNull();
  });
});

describe('parseRemoteTarget', () => {
  it('a name is a volume', () => {
    expect(parseRemoteTarget('backup-vol')).toEqual({ kind: 'volume', volume: 'backup-vol' });
    expect(parseRemoteTarget('  backup  ')).toEqual({ kind: 'volume', volume: 'backup' });
  });
  it('a path is normalised', () => {
    expect(parseRemoteTarget('/srv/backup/')).toEqual({ kind: 'path', path: '/srv/backup' });
    expect(parseRemoteTarget('//srv//./backup/x/../y')).toEqual({
      kind: 'path',
      path: '/srv/backup/y',
    });
    expect(parseRemoteTarget('/data/geo-rep_1')).toEqual({ kind: 'path', path: '/data/geo-rep_1' });
  });
  it.each([
    ['', /Enter a secondary volume/],
    ['/', /root directory/],
    ['/./', /root directory/],
    ['/..', /climbs above/],
    ['/etc', /system directory/],
    ['/etc/gluster', /system directory \(\/etc\)/],
    ['/usr/local/x', /system directory/],
    ['/proc/1', /system directory/],
    ['/sys', /system directory/],
    ['/dev/sda', /system directory/],
    ['/boot', /system directory/],
    ['/bin', /system directory/],
    ['/sbin', /system directory/],
    ['/lib', /system directory/],
    ['/var/lib/glusterd', /system directory/],
    ['/var/lib/glusterd/vols', /system directory/],
    ['/srv/../etc/x', /system directory/],
    ['/srv/a b', /cannot contain a space/],
    ['/srv/$(id)', /cannot contain "\$"/],
    ['/srv/a\nb', /cannot contain a control character \(U\+000A\)/],
    ['host::vol', /only the secondary volume name/],
    ['host:/srv', /only the secondary volume name/],
    ['a.b', /cannot contain "\."/],
  ])('refuses %j', (t, why) => {
    const r = parseRemoteTarget(t);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toMatch(why);
    expect(validateRemoteTarget(t)).toMatch(why);
  });
  it('does not refuse look-alikes of system directories', () => {
    expect(parseRemoteTarget('/etcetera')).toEqual({ kind: 'path', path: '/etcetera' });
    expect(parseRemoteTarget('/var/lib/glusterd2')).toEqual({
      kind: 'path',
      path: '/var/lib/glusterd2',
    });
    expect(parseRemoteTarget('/usr2/x')).toEqual({ kind: 'path', path: '/usr2/x' });
  });
  it('normalizePath', () => {
    expect(normalizePath('/a/b/../c/./')).toBe('/a/c');
    expect(normalizePath('/../a')).toBeNull();
    expect(normalizePath('/')).toBe('/');
  });
});

describe('validateArgValue', () => {
  it('refuses control characters and overlong values', () => {
    expect(validateArgValue('ok value')).toBeNull();
    expect(validateArgValue('a\nb')).toMatch(/cannot contain a control character \(U\+000A\)/);
    expect(validateArgValue('a\0b')).toMatch(/NUL/);
    expect(validateArgValue('x'.repeat(5000))).toMatch(/at most 4096/);
  });
});

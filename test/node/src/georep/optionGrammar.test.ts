// The grammar of the options gsyncd turns into command lines: administrators' real values pass,
// every known injection spelling is refused, and (property) no value the grammar accepts makes the
// commands gsyncd builds from it carry an option, a host, a path or a word outside the allowed set.
import fc from 'fast-check';
import { GEOREP_OPTIONS, validateOptionValue } from '../../../../src/georep/options';
import { GRAMMAR_OPTIONS, OPTION_USES } from '../../../../src/georep/optionGrammar';
import { gsyncdCommands, parseSsh, violations } from '../../../support/gsyncd-model';

const KEY = '/var/lib/glusterd/geo-replication/secret.pem';
const DEFAULT_SSH = `-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i ${KEY}`;

/** Values administrators really set (Gluster docs, mailing lists, Red Hat's guides). */
export const REAL_VALUES: readonly [string, string][] = [
  ['ssh-options', DEFAULT_SSH],
  ['ssh-options', `${DEFAULT_SSH} -oCiphers=aes128-gcm@openssh.com`],
  ['ssh-options', `${DEFAULT_SSH} -c aes128-ctr`],
  ['ssh-options', `${DEFAULT_SSH} -oCompression=yes`],
  ['ssh-options', `${DEFAULT_SSH} -C`],
  ['ssh-options', `${DEFAULT_SSH} -oServerAliveInterval=30 -oServerAliveCountMax=4`],
  ['ssh-options', `${DEFAULT_SSH} -oConnectTimeout=10`],
  ['ssh-options', `${DEFAULT_SSH} -o UserKnownHostsFile=/dev/null`],
  ['ssh-options', `${DEFAULT_SSH} -oKexAlgorithms=+diffie-hellman-group14-sha1`],
  [
    'ssh-options',
    `${DEFAULT_SSH} -oHostKeyAlgorithms=+ssh-rsa -oPubkeyAcceptedAlgorithms=+ssh-rsa`,
  ],
  ['ssh-options', `-4 ${DEFAULT_SSH}`],
  ['ssh-options', `${DEFAULT_SSH} -oIPQoS=throughput -oTCPKeepAlive=yes`],
  ['ssh-options', `-oStrictHostKeyChecking=accept-new -i ${KEY} -oBatchMode=yes`],
  ['ssh-options', `${DEFAULT_SSH} -oIdentitiesOnly=yes -oLogLevel=ERROR -q`],
  ['ssh-options', '-oPasswordAuthentication=no -i /var/lib/glusterd/geo-replication/secret_dr.pem'],
  [
    'ssh-options-tar',
    '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/tar_ssh.pem',
  ],
  [
    'ssh-options-tar',
    `-oPasswordAuthentication=no -i /var/lib/glusterd/geo-replication/tar_ssh.pem -C`,
  ],
  ['rsync-ssh-options', '-oCompression=no'],
  ['rsync-ssh-options', '-c aes128-gcm@openssh.com'],
  ['rsync-ssh-options', '-oCiphers=chacha20-poly1305@openssh.com -oMACs=hmac-sha2-256'],
  ['rsync-options', '--bwlimit=10000'],
  ['rsync-options', '--bwlimit=10m'],
  ['rsync-options', '--compress'],
  ['rsync-options', '-z --compress-level=3'],
  ['rsync-options', '--exclude=*.tmp'],
  ['rsync-options', '--exclude=.trashcan --exclude=*.swp --exclude=.glusterfs/*'],
  ['rsync-options', '--timeout=600 --contimeout=30'],
  ['rsync-options', '--checksum --sparse'],
  ['rsync-options', '--whole-file'],
  ['rsync-options', '--ipv4 -v'],
  ['rsync-options', '--compress-choice=zstd --checksum-choice=xxh128'],
  ['rsync-options', '--max-size=10G'],
  ['gluster-params', 'aux-gfid-mount acl'],
  ['gluster-params', 'aux-gfid-mount acl selinux'],
  ['gluster-params', 'aux-gfid-mount'],
  ['gluster-params', 'aux-gfid-mount acl attribute-timeout=0 entry-timeout=0'],
  ['secondary-gluster-params', 'aux-gfid-mount acl'],
  ['gluster-cli-options', '--log-level=DEBUG'],
  ['gluster-cli-options', '--timeout=300'],
  ['ssh-command', 'ssh'],
  ['ssh-command', '/usr/bin/ssh'],
  ['ssh-command', '/usr/local/bin/ssh'],
  ['rsync-command', 'rsync'],
  ['rsync-command', '/usr/bin/rsync'],
  ['rsync-command', '/usr/local/bin/rsync'],
  ['tar-command', '/bin/tar'],
  ['tar-command', '/usr/bin/tar'],
  ['gluster-command-dir', '/usr/sbin'],
  ['gluster-command-dir', '/usr/sbin/'],
  ['gluster-command-dir', '/usr/local/sbin'],
  ['secondary-gluster-command-dir', '/usr/sbin'],
  ['secondary-gluster-command-dir', '/usr/local/sbin/'],
  ['remote-gsyncd', '/usr/libexec/glusterfs/gsyncd'],
  ['remote-gsyncd', '/usr/lib/x86_64-linux-gnu/glusterfs/gsyncd'],
  ['remote-gsyncd', '/usr/lib64/glusterfs/gsyncd'],
  ['meta-volume-mnt', '/run/gluster/shared_storage'],
  ['meta-volume-mnt', '/var/run/gluster/shared_storage'],
  ['changelog-archive-format', '%Y%m'],
  ['changelog-archive-format', '%Y%m%d'],
  ['changelog-archive-format', '%Y-%m'],
];

/** Every spelling of "run a program / touch a file / go elsewhere" this project knows of. */
export const INJECTIONS: readonly [string, string][] = [
  // ssh: ProxyCommand and friends, in every case, form and bundle
  ...['ssh-options', 'ssh-options-tar', 'rsync-ssh-options'].flatMap((o): [string, string][] =>
    [
      '-oProxyCommand=/tmp/x',
      '-o ProxyCommand=/tmp/x',
      '-oproxycommand=/tmp/x',
      '-oPROXYCOMMAND=/tmp/x',
      '-o proxyCommand=x',
      '-CoProxyCommand=/tmp/x',
      '-qvoProxyCommand=/tmp/x',
      '-4o ProxyCommand=/tmp/x',
      '-oProxyCommand /tmp/x',
      '-oProxyCommand=sh -c id',
      '-o"ProxyCommand=/tmp/x"',
      "-o'ProxyCommand'=/tmp/x",
      '-oProxy\\Command=/tmp/x',
      '-o ProxyCommand',
      '-oLocalCommand=/tmp/x -oPermitLocalCommand=yes',
      '-oPermitLocalCommand=yes',
      '-oKnownHostsCommand=/tmp/x',
      '-oMatch=exec',
      '-o Match=all',
      '-F /tmp/cfg',
      '-F/tmp/cfg',
      '-qF/tmp/cfg',
      '-oInclude=/tmp/cfg',
      '-J evil.example',
      '-oProxyJump=evil.example',
      '-oHostname=evil.example',
      '-E /etc/cron.d/x',
      '-oPKCS11Provider=/tmp/lib.so',
      '-I /tmp/lib.so',
      '-oSecurityKeyProvider=/tmp/x.so',
      '-S /tmp/ctl',
      '-oControlPath=/tmp/x',
      '-oControlMaster=yes',
      '-L 1:evil:2',
      '-R 1:localhost:22',
      '-D 1080',
      '-W evil:22',
      '-oRemoteCommand=id',
      '-oXAuthLocation=/tmp/x',
      '-X',
      '-Y',
      '-A',
      '-oForwardAgent=yes',
      '-oUserKnownHostsFile=/etc/passwd',
      '-oGlobalKnownHostsFile=/root/.ssh/x',
      '-oIdentityFile=/tmp/k',
      '-oCertificateFile=/etc/x',
      '-i /etc/shadow',
      '-i /var/lib/glusterd/geo-replication/../../../../etc/shadow',
      '-i/root/.ssh/id_rsa',
      '-i ~/x',
      '-i /var/lib/glusterd/geo-replication/%d/x',
      '-i /var/lib/glusterd/geo-replication/${HOME}',
      'evil.example.com',
      '--',
      '-- evil',
      '-oSetEnv=LD_PRELOAD=/tmp/x',
      '-oSendEnv=LD_PRELOAD',
      '-l otheruser',
      '-oUser=other',
      '-p 2222',
      '-oPort=1',
      '-oTunnel=yes',
      '-w 0:0',
      '-oLogLevel=DEBUG3 -E /tmp/x',
      '-oStrictHostKeyChecking=no;id',
      '-oStrictHostKeyChecking=no $(id)',
      '-oStrictHostKeyChecking=no `id`',
      '-oStrictHostKeyChecking=no|id',
      '-oStrictHostKeyChecking=no&&id',
      '-оProxyCommand=/tmp/x', // Cyrillic о
      '-o\u00a0ProxyCommand=/tmp/x', // NBSP: Python's split() splits there
      '-o\u2003ProxyCommand=/tmp/x',
      '-o\tProxyCommand=/tmp/x',
      '-o\nProxyCommand=/tmp/x',
      '-o\u000bProxyCommand=/tmp/x',
      '-oProxyUseFdpass=yes',
      '-oStdinNull=yes',
      '-oVisualHostKey=yes -oProxyCommand=x',
      '-G',
      '-V',
      '-M',
      '-f',
      '-N',
      '-s',
      '-b 10.0.0.1',
      '-B eth0',
      '-oBindAddress=10.0.0.1',
      '-Q cipher',
      '-O exit',
      '-P tag',
      '-oTag=x',
    ].map((v): [string, string] => [o, v]),
  ),
  // rsync
  ...[
    '--rsync-path=/tmp/x',
    '--rsync-path=sh -c id',
    '--rsync-p=/tmp/x',
    '--rsync-path /tmp/x',
    '-e /tmp/x',
    '-e/tmp/x',
    '--rsh=/tmp/x',
    '--rsh /tmp/x',
    '-zve /tmp/x',
    '-ze/tmp/x',
    '--remote-option=--log-file=/x',
    '-M--log-file=/x',
    '-M --x',
    '--config=/tmp/x',
    '--files-from=/etc/shadow',
    '--files-from /etc',
    '--files=/etc/shadow',
    '--log-file=/etc/cron.d/x',
    '--log-file /etc/cron.d/x',
    '--write-batch=/tmp/x',
    '--only-write-batch=/x',
    '--read-batch=/x',
    '--password-file=/x',
    '--temp-dir=/x',
    '-T /x',
    '-T/x',
    '--backup-dir=/x',
    '--partial-dir=/x',
    '--link-dest=/etc',
    '--compare-dest=/',
    '--copy-dest=/',
    '--exclude-from=/etc/shadow',
    '--include-from=/x',
    '--filter=._/x',
    '--filter=merge /x',
    '-f._/x',
    '-f ._/x',
    '-F',
    '-L',
    '-k',
    '-K',
    '--copy-links',
    '--copy-unsafe-links',
    '--copy-dirlinks',
    '--copy-as=nobody',
    '--daemon',
    '--server',
    '--sender',
    '/etc/shadow',
    '--bwlimit=100 /root',
    '--',
    '-- /etc',
    '--exclude=$(id)',
    '--exclude=*;id',
    '--exclude=`id`',
    '--exclude',
    '--exclude /etc',
    '--bwlimit=1;id',
    '--bwlimit',
    '--remove-source-files',
    '--delete',
    '--delete-missing-args',
    '--iconv=x',
    '--address=10.0.0.1',
    '--port=873',
    '--sockopts=x',
    '--chown=root:root',
    '--usermap=*:root',
    '--early-input=/etc/shadow',
    '--out-format=%f',
    '--stop-at=y',
    '-zvP --info=progress2',
    '--compress=1',
    '--exclude=*.tmp\u00a0--rsync-path=/tmp/x',
  ].map((v): [string, string] => ['rsync-options', v]),
  // gluster mount parameters and CLI options
  ...[
    'volfile=/tmp/x',
    'aux-gfid-mount volfile-server=evil.example',
    'log-file=/etc/cron.d/x',
    'pid-file=/x',
    'dump-fuse=/x',
    'xlator-option=*.x=y',
    '--volfile=/x',
    '-s evil',
    'client-pid=0',
    'aux-gfid-mount acl volfile-id=other',
    'process-name=x',
    'acl=1',
    'attribute-timeout',
    'attribute-timeout=x',
    'aux-gfid-mount;id',
    'fuse-mountopts=x',
    'subdir-mount=/x',
  ].flatMap((v): [string, string][] => [
    ['gluster-params', v],
    ['secondary-gluster-params', v],
  ]),
  ...[
    '--remote-host=evil.example',
    '--log-file=/etc/x',
    '--glusterd-sock=/tmp/x',
    '--secure-mgmt=yes',
    '--mode=script',
    '--log-level=DEBUG x',
    '--log-level DEBUG',
    'volume',
    '--timeout=1;id',
  ].map((v): [string, string] => ['gluster-cli-options', v]),
  // binaries and folders
  ...[
    '/tmp/ssh',
    'ssh -oProxyCommand=x',
    '/usr/bin/../../tmp/ssh',
    '/usr/bin/env',
    '/bin/sh',
    'sh',
    'ssh;id',
    './ssh',
    '/home/u/bin/ssh',
    '/usr/bin/ssh -F /tmp/x',
    '/usr/bin//ssh',
    '/usr/bin/ssh/',
    'SSH',
  ].map((v): [string, string] => ['ssh-command', v]),
  ...[
    '/tmp/rsync',
    'rsync -e x',
    '/usr/bin/rsync --rsync-path=x',
    '/opt/rsync',
    '/usr/bin/ssh',
  ].map((v): [string, string] => ['rsync-command', v]),
  ...['/tmp/tar', 'tar --to-command=x', '/bin/sh'].map((v): [string, string] => ['tar-command', v]),
  ...[
    '/tmp',
    '/usr/sbin;id',
    '/usr/sbin/../../tmp',
    '/home/x',
    '/var/tmp',
    'usr/sbin',
    '/usr/sbin //tmp',
    '/usr/sbin//',
  ].flatMap((v): [string, string][] => [
    ['gluster-command-dir', v],
    ['secondary-gluster-command-dir', v],
  ]),
  ...[
    '/tmp/gsyncd',
    '/bin/sh',
    '/usr/libexec/glusterfs/gsyncd;id',
    '/usr/libexec/glusterfs/../../../tmp/gsyncd',
    '/usr/libexec/glusterfs/gsyncd --x',
    'gsyncd',
    '/usr/libexec/glusterfs/gsyncd/',
  ].map((v): [string, string] => ['remote-gsyncd', v]),
  ...['/etc', '/tmp/x', '/run/gluster/shared_storage/../../..', '/run/gluster'].map(
    (v): [string, string] => ['meta-volume-mnt', v],
  ),
  ...['../../../etc/cron.d/x', '%Y/../../x', '%Y%m/x', '%Y.%m', '%Y%m x'].map(
    (v): [string, string] => ['changelog-archive-format', v],
  ),
  ...['a;b', '$(id)', '10.0.0.0/8 x'].map((v): [string, string] => ['allow-network', v]),
];

describe('what gsyncd does with each option', () => {
  it('is written down for every option that can be set', () => {
    const settable = GEOREP_OPTIONS.filter((o) => !o.read_only).map((o) => o.name);
    expect(settable.filter((n) => !OPTION_USES[n])).toEqual([]);
  });

  it('gives every free-text, path and command option a grammar', () => {
    const free = GEOREP_OPTIONS.filter(
      (o) =>
        !o.read_only && ['string', 'path', 'command'].includes(o.type) && o.name !== 'checkpoint',
    ).map((o) => o.name);
    expect(free.filter((n) => !GRAMMAR_OPTIONS.includes(n))).toEqual([]);
  });
});

describe("administrators' real values", () => {
  it.each(REAL_VALUES)('%s %j is accepted', (name, value) => {
    expect(validateOptionValue(name, value)).toBeNull();
  });

  it.each(REAL_VALUES)('%s %j leaves every command as gsyncd means it', (name, value) => {
    expect(violations({ [name]: value })).toEqual([]);
  });

  it('the defaults Gluster 10.3 prints pass their own grammar', () => {
    for (const o of GEOREP_OPTIONS.filter(
      (x) => !x.read_only && x.default && GRAMMAR_OPTIONS.includes(x.name),
    ))
      expect([o.name, validateOptionValue(o.name, o.default!)]).toEqual([o.name, null]);
  });
});

describe('injection spellings', () => {
  it.each(INJECTIONS)('%s %j is refused', (name, value) => {
    expect(validateOptionValue(name, value)).toEqual(expect.any(String));
  });

  it('the model sees each ssh injection as a violation (it can tell)', () => {
    const missed = INJECTIONS.filter(([n]) => n === 'ssh-options')
      // eslint-disable-next-line no-control-regex
      .filter(([, v]) => !/[\u0080-\uffff]/.test(v) && !/["'\\$;|&`\t\n\u000b]/.test(v))
      .filter(([, v]) => violations({ 'ssh-options': v }).length === 0)
      .map(([, v]) => v);
    // Harmless-looking flags the grammar refuses anyway (they change nothing gsyncd relies on).
    expect(missed).toEqual([]);
  });
});

// ------------------------------------------------------------------ property

/** Pieces of real and hostile option text; tokens are made by gluing one to three of them. */
const PIECES = [
  '-',
  '--',
  '-o',
  '-i',
  '-c',
  '-m',
  '-p',
  '-e',
  '-F',
  '-J',
  '-E',
  '-S',
  '-M',
  '-T',
  '-f',
  '-C',
  '-q',
  '-v',
  '-4',
  '-z',
  'o',
  'e',
  'C',
  'z',
  'ProxyCommand=',
  'proxycommand=',
  'LocalCommand=',
  'PermitLocalCommand=yes',
  'Compression=yes',
  'Ciphers=aes128-ctr',
  'StrictHostKeyChecking=no',
  'UserKnownHostsFile=',
  'IdentityFile=',
  'Include=',
  'Match=',
  'Hostname=',
  'ServerAliveInterval=30',
  '/tmp/x',
  '/etc/shadow',
  '/dev/null',
  KEY,
  '/var/lib/glusterd/geo-replication/',
  '..',
  '/',
  'evil.example',
  'root@evil',
  'x',
  '=',
  ':',
  ',',
  '*',
  '%Y',
  '%m',
  '--rsync-path=',
  '--rsh=',
  '--bwlimit=',
  '100',
  '--exclude=',
  '*.tmp',
  '--files-from=',
  '--log-file=',
  '--compress',
  '--timeout=',
  '--config=',
  '--remote-option=',
  '--filter=',
  'aux-gfid-mount',
  'acl',
  'selinux',
  'volfile-server=',
  'log-file=',
  'attribute-timeout=',
  '--log-level=',
  'DEBUG',
  '--remote-host=',
  '--timeout=',
  'ssh',
  'rsync',
  'tar',
  '/usr/bin/',
  '/usr/sbin',
  '/usr/local/bin/',
  '/bin/sh',
  '/usr/libexec/glusterfs/gsyncd',
  '/run/gluster/shared_storage',
];
const token = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 })
  .map((p) => p.join(''));
const value = fc
  .tuple(
    fc.array(token, { minLength: 1, maxLength: 7 }),
    fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0', '\t'),
  )
  .map(([t, sep]) => t.join(sep));

describe('property: nothing the grammar accepts steps outside the allowed set', () => {
  it.each(GRAMMAR_OPTIONS)('%s', (name) => {
    let accepted = 0;
    fc.assert(
      fc.property(value, (v) => {
        if (validateOptionValue(name, v) !== null) return true;
        accepted++;
        const found = violations({ [name]: v });
        if (found.length)
          throw new Error(`${name} ${JSON.stringify(v)} accepted, but: ${found.join('; ')}`);
        return true;
      }),
      { numRuns: 5000, seed: 11 },
    );
    // Not vacuous: the generator reaches accepted values for the options real values exist for.
    if (['ssh-options', 'rsync-options', 'gluster-params', 'rsync-ssh-options'].includes(name))
      expect(accepted).toBeGreaterThan(2);
  });

  it('fails when the rule is removed: the model catches a ProxyCommand the grammar would let by', () => {
    const v = `${DEFAULT_SSH} -CoProxyCommand=/tmp/x`;
    expect(violations({ 'ssh-options': v })).toEqual(
      expect.arrayContaining([expect.stringMatching(/-o ProxyCommand/)]),
    );
    expect(parseSsh(gsyncdCommands({ 'ssh-options': 'evil.example' }).secondary).host).toBe(
      'evil.example',
    );
  });
});

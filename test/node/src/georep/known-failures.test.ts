// The known-failure catalogue (src/georep/known-failures.ts): real gsyncd log lines (from the
// lab's gsyncd.log and from the issues each entry cites) find their entry; ordinary lines find
// none; secrets are masked before a line leaves the service.
import {
  KNOWN_FAILURES,
  maskSecrets,
  matchKnownFailures,
  statusFindings,
} from '../../../../src/georep/known-failures';

const ids = (texts: string[]) => matchKnownFailures(texts).map((f) => f.id);

describe('recognises the failures it knows', () => {
  test.each<[string, string]>([
    [
      '[2020-11-04 09:10:22.128803] E [syncdutils(monitor):826:logerr] Popen: ssh> root@10.3.2.33: Permission denied (publickey,password).',
      'ssh_refused',
    ],
    [
      "[2023-07-13 04:27:20.327319] W [primary(worker /mnt/brick/abc):1410:process] <top>: incomplete sync, retrying changelogs [{files=['CHANGELOG.1689222435']}]",
      'rsync_retry_loop',
    ],
    [
      '[2022-02-22 14:02:25.846163] E [syncdutils(worker /glusterfs/volume01/brick01):847:errlog] Popen: command returned error [{cmd=rsync -aR0 --inplace --files-from=- --super . -e ssh -p 22 XXX:/proc/54442/cwd}, {error=22}]',
      'rsync_retry_loop',
    ],
    [
      '[2021-02-07 10:00:00.000000] E [resource(worker /b):1312:service_loop] <top>: Changelog History Crawl failed [{error=[Errno 0] Success}]',
      'history_crawl_failed',
    ],
    [
      '[2019-09-27 06:55:33.20992] E [syncdutils(worker /gluster/data):315:log_raise_exception] <top>: getting "No such file or directory"errors is most likely due to MISCONFIGURATION, please remove all the public keys added by geo-replication from authorized_keys file',
      'peer_broken_misconfigured',
    ],
    [
      '[2021-09-15 16:05:33.781675] E [syncdutils(worker /mnt/volume/resources):348:log_raise_exception] <top>: Getting "Input/Output error" is most likely due to a. Brick is down or b. Split brain issue.',
      'io_error_split_brain',
    ],
    [
      '[2024-01-01 00:00:00.0] E [primary(worker /b):505:x] <top>: Meta-volume is not mounted. Worker Exiting...',
      'meta_volume_missing',
    ],
    ['OSError: [Errno 28] No space left on device', 'secondary_full'],
    ['ssh: connect to host gdr1 port 2222: Connection refused', 'ssh_unreachable'],
  ])('%s', (line, id) => {
    expect(ids([line])).toContain(id);
  });

  it('a traceback is matched as a whole entry', () => {
    const entry =
      '[2026-01-01 00:00:00.0] E [syncdutils(worker /b):363:log_raise_exception] <top>: FAIL:\nTraceback (most recent call last):\n  File "x.py", line 1\nOSError: [Errno 107] Transport endpoint is not connected';
    expect(ids([entry])).toEqual(['secondary_volume_down']);
  });
});

describe('ordinary lines match nothing', () => {
  test.each([
    '[2026-12-07 13:59:42.513310] I [primary(worker /var/lib/gluster-lab/bricks/georep-primary):1451:process] _GPrimary: Batch Completed [{mode=live_changelog}, {duration=1.2918}]',
    '[2026-12-07 13:59:42.502946] I [primary(worker /b):2009:syncjob] Syncer: Sync Time Taken [{job=1}, {num_files=1}, {return_code=0}, {duration=0.7795}]',
    '[2026-12-07 14:04:39.382685] I [monitor(monitor):158:monitor] Monitor: starting gsyncd worker [{brick=/b}, {secondary_node=vm}]',
    '[2026-12-07 14:04:41.331308] I [resource(worker /b):1435:connect_remote] SSH: SSH connection between primary and secondary established. [{duration=1.8}]',
  ])('%s', (line) => {
    expect(ids([line])).toEqual([]);
  });
});

it('every entry cites where it was seen and says what to do', () => {
  for (const f of KNOWN_FAILURES) {
    expect(f.seen_in.length).toBeGreaterThan(0);
    expect(f.remedy.length).toBeGreaterThan(20);
    expect(f.patterns.length).toBeGreaterThan(0);
  }
});

describe('secrets are masked', () => {
  test.each<[string, string]>([
    ['login with password=hunter2 now', 'login with password=[masked] now'],
    ['Authorization: Bearer abcdefghijklmnop', 'Authorization: Bearer [masked]'],
    ['url http://user:s3cret@host/x', 'url http://user:[masked]@host/x'],
    ['sshpass -p topsecret ssh host', 'sshpass -p [masked] ssh host'],
    [
      'key -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY----- end',
      'key [private key masked] end',
    ],
  ])('%s', (raw, masked) => {
    expect(maskSecrets(raw)).toBe(masked);
  });
  it('leaves ordinary lines alone (a key path is not a secret)', () => {
    const l =
      'cmd=ssh -oPasswordAuthentication=no -i /var/lib/glusterd/geo-replication/secret.pem -p 22 vm';
    expect(maskSecrets(l)).toBe(l);
  });
});

describe('status findings', () => {
  const w = (status: string, node: string | null) => ({ status, secondary_node: node });
  it('every running worker through one secondary node', () => {
    expect(statusFindings([w('Active', 'gdr1'), w('Passive', 'gdr1')]).map((f) => f.id)).toEqual([
      'single_secondary_node',
    ]);
  });
  it('not when they use several, or there is one worker', () => {
    expect(statusFindings([w('Active', 'gdr1'), w('Active', 'gdr2')])).toEqual([]);
    expect(statusFindings([w('Active', 'gdr1')])).toEqual([]);
  });
});

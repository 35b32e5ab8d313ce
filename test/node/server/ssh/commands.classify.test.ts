// What ssh's own words mean. The samples are stderr of OpenSSH 9.2p1 (Debian 12) captured on this
// kind of machine against a throwaway sshd, one per situation, except those marked "(wording)":
// OpenSSH's messages for situations this machine cannot produce (no route, a reset, nologin).
// The explanation must be plain words.
import { classifyChannelOpen, classifyKeyCheck, classifySsh } from '../../../../server/ssh/commands';
import { explain, fingerprintMismatch } from '../../../../server/ssh/messages';
import { keyboardInteractiveResponder, passwordAuthHandler } from '../../../../server/ssh/real';
import { VERIFY_FAILURES, type VerifyFailure } from '../../../../server/ssh/types';

const BANNER = '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@';

const SAMPLES: {
  name: string;
  code: number;
  stderr: string;
  withKey: boolean;
  failure: VerifyFailure | null;
  mode?: string;
  cause?: string;
}[] = [
  { name: 'success', code: 0, stderr: '', withKey: false, failure: null },
  {
    name: 'success, first contact recorded (accept-new)',
    code: 0,
    stderr:
      "Warning: Permanently added '[127.0.0.1]:22931' (ED25519) to the list of known hosts.\n",
    withKey: false,
    failure: null,
  },
  {
    name: 'unknown host with strict checking',
    code: 255,
    stderr:
      'No ED25519 host key is known for [127.0.0.1]:22931 and you have requested strict checking.\nHost key verification failed.\n',
    withKey: false,
    failure: 'unknown_host_key',
  },
  {
    name: 'key file missing (ssh goes on with nothing and is denied)',
    code: 255,
    stderr:
      'Warning: Identity file /nonexist not accessible: No such file or directory.\n' +
      "Warning: Permanently added '[127.0.0.1]:22931' (ED25519) to the list of known hosts.\n" +
      'root@127.0.0.1: Permission denied (publickey,password).\n',
    withKey: true,
    failure: 'no_such_key_file',
  },
  {
    name: 'key file readable by others',
    code: 255,
    stderr: [
      BANNER,
      '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
      BANNER,
      "Permissions 0644 for 'loose' are too open.",
      'It is required that your private key files are NOT accessible by others.',
      'This private key will be ignored.',
      'Load key "loose": bad permissions',
      'root@127.0.0.1: Permission denied (publickey,password).',
      '',
    ].join('\n'),
    withKey: true,
    failure: 'bad_key_permissions',
    mode: '0644',
  },
  {
    name: 'key not accepted',
    code: 255,
    stderr: 'nobody@127.0.0.1: Permission denied (publickey,password).\n',
    withKey: false,
    failure: 'key_rejected',
  },
  {
    name: 'not a private key',
    code: 255,
    stderr:
      'Load key "garbage_key": error in libcrypto\nroot@127.0.0.1: Permission denied (publickey,password).\n',
    withKey: true,
    failure: 'key_rejected',
    cause: 'not_a_key',
  },
  {
    name: 'connection refused',
    code: 255,
    stderr: 'ssh: connect to host 127.0.0.1 port 1: Connection refused\n',
    withKey: false,
    failure: 'refused',
  },
  {
    name: 'name does not resolve',
    code: 255,
    stderr: 'ssh: Could not resolve hostname nosuch.invalid: Name or service not known\n',
    withKey: false,
    failure: 'unreachable',
    cause: 'dns',
  },
  {
    name: 'no route (wording)',
    code: 255,
    stderr: 'ssh: connect to host 10.9.9.9 port 22: No route to host\n',
    withKey: false,
    failure: 'unreachable',
    cause: 'no_route',
  },
  {
    name: 'connect timeout (wording)',
    code: 255,
    stderr: 'ssh: connect to host 10.255.255.1 port 22: Connection timed out\n',
    withKey: false,
    failure: 'timeout',
  },
  {
    name: 'timeout during banner exchange',
    code: 255,
    stderr:
      'Connection timed out during banner exchange\nConnection to 10.255.255.1 port 22 timed out\n',
    withKey: false,
    failure: 'timeout',
  },
  {
    name: 'host key changed',
    code: 255,
    stderr: [
      BANNER,
      '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
      BANNER,
      'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
      'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
      'It is also possible that a host key has just been changed.',
      'The fingerprint for the ED25519 key sent by the remote host is',
      'SHA256:huO6wWjMFMamdOyb1qNlaLmSCbQDn+fxabIfesqoDvQ.',
      'Please contact your system administrator.',
      'Add correct host key in /tmp/sshexp/kh to get rid of this message.',
      'Offending ED25519 key in /tmp/sshexp/kh:1',
      '  remove with:',
      '  ssh-keygen -f "/tmp/sshexp/kh" -R "[127.0.0.1]:22931"',
      'Host key for [127.0.0.1]:22931 has changed and you have requested strict checking.',
      'Host key verification failed.',
      '',
    ].join('\n'),
    withKey: false,
    failure: 'host_key_changed',
  },
  {
    name: 'closed before SSH started (wording)',
    code: 255,
    stderr:
      'kex_exchange_identification: read: Connection reset by peer\nConnection reset by 127.0.0.1 port 22\n',
    withKey: false,
    failure: 'unreachable',
    cause: 'closed',
  },
  {
    name: 'logged in, but the account runs no commands (wording)',
    code: 1,
    stderr: 'This account is currently not available.\n',
    withKey: false,
    failure: 'refused',
    cause: 'no_shell',
  },
];

describe('classifySsh: ssh -o BatchMode=yes ... true', () => {
  it.each(SAMPLES.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const c = classifySsh({ code: s.code, stderr: s.stderr }, s.withKey);
    if (s.failure === null) {
      expect(c).toBeNull();
      return;
    }
    expect(c?.failure).toBe(s.failure);
    if (s.mode) expect(c?.mode).toBe(s.mode);
    if (s.cause) expect(c?.cause).toBe(s.cause);
    expect(c?.said).not.toMatch(/^@+$/);
    // The words for the user: plain, name the hosts, carry no ssh banner.
    const words = explain(
      c!.failure,
      {
        from: 'gprod1.lab.example',
        user: 'root',
        host: 'backup.remote.example',
        port: 22,
        privateKeyPath: s.withKey ? '/root/.ssh/k' : undefined,
      },
      c!,
    );
    expect(words).toMatch(/gprod1\.lab\.example|backup\.remote\.example|\/root\/\.ssh\/k/);
    expect(words).not.toMatch(/@@@|NASTY|debug1/);
  });
});

describe('the words name the far side as the product does: the secondary host (issue 13)', () => {
  // A host name without "remote" in it, so that only the product's own words can match.
  const s = { from: 'gprod1.lab.example', user: 'root', host: 'gdr1.lab.example', port: 22 };
  const causes = [
    undefined,
    'passphrase',
    'not_a_key',
    'no_shell',
    'dns',
    'no_route',
    'closed',
    'no_key_types',
  ] as const;
  const all = VERIFY_FAILURES.flatMap((f) =>
    causes.map(
      (cause) =>
        [f, cause, explain(f, { ...s, privateKeyPath: '/root/.ssh/k' }, { cause })] as const,
    ),
  );

  it.each(all)('%s (cause %s): never "remote" nor "source"', (_f, _c, words) => {
    expect(words).not.toMatch(/\bremote\b|\bsource\b/i);
  });

  it('a refused or unresolvable host: check the secondary host name', () => {
    expect(explain('refused', s)).toMatch(/Check the secondary host name and its SSH port\.$/);
    expect(explain('unreachable', s, { cause: 'dns' })).toMatch(/Check the secondary host name\.$/);
    expect(explain('unreachable', s)).toMatch(
      /Check the secondary host name and the network between them\.$/,
    );
  });

  it("a changed host key: the secondary host was reinstalled; ask the secondary host's administrator", () => {
    const words = explain('host_key_changed', s);
    expect(words).toContain('the secondary host was reinstalled or its keys were regenerated');
    expect(words).toContain("Check the new fingerprint with the secondary host's administrator");
    expect(fingerprintMismatch(s, 'SHA256:a', 'SHA256:b').detail).toMatch(
      /check it with the secondary host's administrator\.$/,
    );
  });

  it('a refused root password: log in as root on the secondary host', () => {
    expect(explain('auth_failed', s)).toContain(
      'log in as root on the secondary host to add the key',
    );
    expect(explain('auth_failed', { ...s, user: 'geoaccount' })).toContain(
      'the secondary host may also refuse password logins',
    );
  });
});

describe('classifyKeyCheck: ssh-keygen -y -P "" -f KEY', () => {
  it.each([
    ['missing', '/nonexist: No such file or directory\n', 'no_such_key_file', undefined],
    [
      'readable by others',
      `${BANNER}\nPermissions 0640 for 'loose' are too open.\nLoad key "loose": bad permissions\n`,
      'bad_key_permissions',
      undefined,
    ],
    [
      'passphrase',
      'Load key "pp_key": incorrect passphrase supplied to decrypt private key\n',
      'key_rejected',
      'passphrase',
    ],
    ['garbage', 'Load key "garbage_key": error in libcrypto\n', 'key_rejected', 'not_a_key'],
    ['a directory', 'Load key "/root": Is a directory\n', 'key_rejected', 'not_a_key'],
  ] as const)('%s', (_n, stderr, failure, cause) => {
    const c = classifyKeyCheck({ code: 255, stderr });
    expect(c?.failure).toBe(failure);
    if (cause) expect(c?.cause).toBe(cause);
  });
  it('the mode ssh complained about is kept for the explanation', () => {
    const c = classifyKeyCheck({
      code: 255,
      stderr:
        'Permissions 0644 for \'/root/.ssh/loose\' are too open.\nLoad key "/root/.ssh/loose": bad permissions\n',
    });
    expect(
      explain(
        c!.failure,
        { from: 'h1', user: 'root', host: 'r', port: 22, privateKeyPath: '/root/.ssh/loose' },
        c!,
      ),
    ).toContain('mode 0644');
  });
  it('success is no failure', () => {
    expect(classifyKeyCheck({ code: 0, stderr: '' })).toBeNull();
  });
});

describe('classifyChannelOpen: a direct-tcpip channel the cluster host could not open', () => {
  it.each([
    ['(SSH) Channel open failure: Connection refused', 'refused'],
    ['(SSH) Channel open failure: Connection timed out', 'timeout'],
    ['(SSH) Channel open failure: getaddrinfo: Name or service not known', 'unreachable'],
    ['(SSH) Channel open failure: No route to host', 'unreachable'],
    ['(SSH) Channel open failure: administratively prohibited: open failed', 'refused'],
    ['connection timed out', 'timeout'],
  ] as const)('%s', (msg, failure) => {
    expect(classifyChannelOpen(msg).failure).toBe(failure);
  });
});

describe('the password login offers the password once', () => {
  const run = (offers: string[][]): { sent: unknown[]; noMethod: boolean } => {
    let noMethod = false;
    const h = passwordAuthHandler('geo', 'pw-secret', () => {
      noMethod = true;
    });
    const sent: unknown[] = [];
    const call = (left: string[] | null): void =>
      h(left as never, false, (m) => {
        sent.push(m);
      });
    call(null);
    for (const o of offers) call(o);
    return { sent, noMethod };
  };

  it('none first (sends nothing secret), then password, then gives up', () => {
    const { sent } = run([
      ['publickey', 'password'],
      ['publickey', 'password'],
    ]);
    expect(sent[0]).toEqual({ type: 'none', username: 'geo' });
    expect(sent[1]).toEqual({ type: 'password', username: 'geo', password: 'pw-secret' });
    expect(sent[2]).toBe(false);
    expect(sent).toHaveLength(3);
  });

  it('keyboard-interactive when password is not offered', () => {
    const { sent } = run([['publickey', 'keyboard-interactive'], ['keyboard-interactive']]);
    expect((sent[1] as { type: string }).type).toBe('keyboard-interactive');
    expect(sent[2]).toBe(false);
  });

  it('neither: no attempt at all, and says so', () => {
    const { sent, noMethod } = run([['publickey']]);
    expect(sent[1]).toBe(false);
    expect(noMethod).toBe(true);
  });

  it('keyboard-interactive answers only the first hidden prompt with the password, once', () => {
    const r = keyboardInteractiveResponder('pw-secret');
    const answers: string[][] = [];
    r(
      '',
      '',
      '',
      [
        { prompt: 'Password: ', echo: false },
        { prompt: 'Verification code: ', echo: false },
      ],
      (a) => answers.push(a),
    );
    r('', '', '', [{ prompt: 'Password: ', echo: false }], (a) => answers.push(a));
    r('', '', '', [{ prompt: 'Name: ', echo: true }], (a) => answers.push(a));
    expect(answers).toEqual([['pw-secret', ''], [''], ['']]);
  });
});

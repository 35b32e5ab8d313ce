// Fingerprints as OpenSSH computes them, checked against ssh-keygen itself on real keys, and the
// known_hosts reader the service uses to trust the cluster hosts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLab } from '../../../../dev/lab';
import {
  algorithmOfBlob,
  fingerprintOfBlob,
  KnownHosts,
  knownHostsName,
  parsePublicKey,
} from '../../../../server/ssh/keys';

const haveKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (
      (e as { status?: number }).status !== undefined && (e as { code?: string }).code !== 'ENOENT'
    );
  }
})();

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'georep-ssh-keys-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const keygen = (type: string, bits?: number): { pub: string; file: string } => {
  const file = join(dir, `k_${type}_${bits ?? 0}`);
  execFileSync(
    'ssh-keygen',
    [
      '-q',
      '-t',
      type,
      ...(bits ? ['-b', String(bits)] : []),
      '-N',
      '',
      '-C',
      'test key',
      '-f',
      file,
    ],
    { stdio: 'ignore' },
  );
  return { pub: readFileSync(`${file}.pub`, 'utf8'), file };
};

const keygenFingerprint = (pubFile: string): string =>
  execFileSync('ssh-keygen', ['-lf', pubFile], { encoding: 'utf8' }).split(' ')[1]!;

(haveKeygen ? describe : describe.skip)('fingerprints match ssh-keygen -lf', () => {
  it.each([
    ['ed25519', undefined, 'ssh-ed25519'],
    ['ecdsa', 256, 'ecdsa-sha2-nistp256'],
    ['ecdsa', 384, 'ecdsa-sha2-nistp384'],
    ['rsa', 2048, 'ssh-rsa'],
  ] as const)('%s key (%p bits)', (type, bits, algorithm) => {
    const { pub, file } = keygen(type, bits);
    const key = parsePublicKey(pub);
    expect(key).not.toBeNull();
    expect(key!.algorithm).toBe(algorithm);
    expect(key!.fingerprint).toBe(keygenFingerprint(`${file}.pub`));
    expect(fingerprintOfBlob(key!.blob)).toBe(key!.fingerprint);
    expect(algorithmOfBlob(key!.blob)).toBe(algorithm);
    expect(key!.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(key!.text).toBe(pub.trim().split(' ').slice(0, 2).join(' '));
  });

  it('the lab keys are well formed and their fingerprints are what ssh-keygen says', () => {
    const lab = defaultLab();
    for (const h of [...lab.hosts, ...lab.remote_hosts]) {
      const key = parsePublicKey(h.ssh_public_key!);
      expect(key?.fingerprint).toBe(h.ssh_fingerprint);
      const f = join(dir, 'lab.pub');
      writeFileSync(f, `${h.ssh_public_key} lab\n`);
      expect(keygenFingerprint(f)).toBe(h.ssh_fingerprint);
    }
  });
});

describe('parsePublicKey', () => {
  it('refuses what is not a public key, or names another type than the blob holds', () => {
    expect(parsePublicKey('')).toBeNull();
    expect(parsePublicKey('hello world')).toBeNull();
    expect(parsePublicKey('ssh-ed25519 !!!')).toBeNull();
    const lab = defaultLab();
    const good = lab.hosts[0]!.ssh_public_key!;
    expect(parsePublicKey(good)).not.toBeNull();
    expect(parsePublicKey(good.replace('ssh-ed25519', 'ssh-rsa'))).toBeNull();
    expect(parsePublicKey(`${good} a comment with spaces`)?.fingerprint).toBe(
      lab.hosts[0]!.ssh_fingerprint,
    );
  });
});

describe('KnownHosts', () => {
  const lab = defaultLab();
  const a = parsePublicKey(lab.hosts[1]!.ssh_public_key!)!;
  const b = parsePublicKey(lab.hosts[2]!.ssh_public_key!)!;

  it('names hosts as ssh does: host on 22, [host]:port otherwise', () => {
    expect(knownHostsName('GPROD1.lab.example', 22)).toBe('gprod1.lab.example');
    expect(knownHostsName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
  });

  it('plain names, lists, ports and patterns', () => {
    const kh = KnownHosts.parse(
      [
        '# comment',
        `gprod1.lab.example,10.0.0.1 ${a.text}`,
        `[gprod2.lab.example]:2222 ${b.text} root@x`,
        `*.dr.example,!evil.dr.example ${a.text}`,
        '',
      ].join('\n'),
    );
    expect(kh.check('gprod1.lab.example', 22, a)).toBe('match');
    expect(kh.check('10.0.0.1', 22, a)).toBe('match');
    expect(kh.check('gprod1.lab.example', 22, b)).toBe('mismatch');
    expect(kh.check('gprod2.lab.example', 2222, b)).toBe('match');
    expect(kh.check('gprod2.lab.example', 22, b)).toBe('unknown');
    expect(kh.check('x.dr.example', 22, a)).toBe('match');
    expect(kh.check('evil.dr.example', 22, a)).toBe('unknown');
    expect(kh.check('other.example', 22, a)).toBe('unknown');
  });

  it('revoked keys never match', () => {
    const kh = KnownHosts.parse(`gprod1.lab.example ${a.text}\n@revoked * ${b.text}\n`);
    expect(kh.check('gprod1.lab.example', 22, a)).toBe('match');
    expect(kh.check('gprod1.lab.example', 22, b)).toBe('mismatch');
  });

  (haveKeygen ? it : it.skip)('hashed names, as ssh-keygen -H writes them', () => {
    const f = join(dir, 'known_hosts');
    writeFileSync(f, `gprod1.lab.example ${a.text}\n[gprod2.lab.example]:2222 ${b.text}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', f], { stdio: 'ignore' });
    const text = readFileSync(f, 'utf8');
    expect(text).not.toContain('gprod1');
    const kh = KnownHosts.parse(text);
    expect(kh.check('gprod1.lab.example', 22, a)).toBe('match');
    expect(kh.check('gprod2.lab.example', 2222, b)).toBe('match');
    expect(kh.check('gprod2.lab.example', 2222, a)).toBe('mismatch');
    expect(kh.check('gprod3.lab.example', 22, a)).toBe('unknown');
  });

  it('a map of public keys or fingerprints', () => {
    const kh = KnownHosts.fromMap({
      'gprod1.lab.example': [a.text],
      '[gprod2.lab.example]:2222': [b.fingerprint],
    });
    expect(kh.check('gprod1.lab.example', 22, a)).toBe('match');
    expect(kh.check('gprod1.lab.example', 22, b)).toBe('mismatch');
    expect(kh.check('gprod2.lab.example', 2222, b)).toBe('match');
    expect(() => KnownHosts.fromMap({ x: ['nonsense'] })).toThrow(/Not a public key/);
  });
});

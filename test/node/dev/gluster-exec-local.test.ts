import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GlusterTimeoutError, GlusterUnreachableError } from '../../../server/gluster/exec';
import { CLEAN_ENV, localExec } from '../../../dev/gluster-exec-local';

let dir: string;
let fake: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exec-local-test-'));
  fake = path.join(dir, 'gluster');
  // argv NUL-terminated on stdout, the environment on stderr; `exit N` and `sleep` on request
  fs.writeFileSync(
    fake,
    [
      '#!/bin/sh',
      'env >&2',
      'case "$1" in exit) code=$2 ;; sleep) exec sleep "$2" ;; *) code=0 ;; esac',
      '[ $# -gt 0 ] && printf "%s\\000" "$@"',
      'exit $code',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const args = (s: string) => (s === '' ? [] : s.split('\0').slice(0, -1));

describe('localExec', () => {
  it('passes argv as is (no shell) and runs gluster with a clean environment', async () => {
    const hostile = [
      '--mode=script',
      '--xml',
      '; rm -rf /',
      '$(id)',
      '`id`',
      "a'b",
      'x\ny',
      '',
      '*',
    ];
    const res = await localExec({ glusterCommand: fake }).run('gl1', hostile, {
      timeoutMs: 10_000,
    });
    expect(res.code).toBe(0);
    expect(args(res.stdout)).toEqual(hostile);
    const env = Object.fromEntries(
      res.stderr
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(env.PATH).toBe('/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env.LANG).toBe('C.UTF-8');
    expect(Object.keys(env).filter((k) => /pyenv|VIRTUAL_ENV|NODE_OPTIONS|JEST/i.test(k))).toEqual(
      [],
    );
    expect(CLEAN_ENV.PATH).not.toMatch(/pyenv|local/);
  });

  it('finds `gluster` through the clean PATH by default', async () => {
    // the real binary is there on this machine; `--version` needs no glusterd
    if (!fs.existsSync('/usr/sbin/gluster')) return;
    const res = await localExec().run('gl1', ['--version'], { timeoutMs: 30_000 });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^glusterfs \d+/);
  });

  it('returns non-zero exit codes with the output (Gluster failures are not exec failures)', async () => {
    const res = await localExec({ glusterCommand: fake }).run('gl1', ['exit', '2'], {
      timeoutMs: 10_000,
    });
    expect(res.code).toBe(2);
    expect(args(res.stdout)).toEqual(['exit', '2']);
  });

  it('a command that outlives its limit is a GlusterTimeoutError', async () => {
    const t0 = Date.now();
    const e = await localExec({ glusterCommand: fake })
      .run('gl1', ['sleep', '30'], { timeoutMs: 300 })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GlusterTimeoutError);
    expect(e).toMatchObject({ node: 'gl1', timeoutMs: 300 });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('no gluster binary is an unreachable node', async () => {
    const e = await localExec({ glusterCommand: path.join(dir, 'no-such-gluster') })
      .run('gl1', ['volume', 'info'], { timeoutMs: 10_000 })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GlusterUnreachableError);
    expect((e as Error).message).toMatch(
      /Cannot reach Gluster on gl1: the gluster command .* is not installed/,
    );
  });
});

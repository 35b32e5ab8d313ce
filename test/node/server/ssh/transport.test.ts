// The one SSH transport (server/ssh/transport.ts): how a failed connection is classified, and how
// several host-key rules combine (host-trust.ts allPolicies).
import { classifyConnectError } from '../../../../server/ssh/transport';
import { allPolicies, type HostKeyPolicy } from '../../../../server/ssh/host-trust';

const err = (o: { level?: string; code?: string; message?: string }) =>
  Object.assign(new Error(o.message ?? 'boom'), o);

describe('classifyConnectError', () => {
  it('a refused host key wins over the error ssh2 reports for it', () => {
    expect(
      classifyConnectError(
        err({ level: 'client-authentication' }),
        { ok: false, kind: 'mismatch', reason: 'not the recorded key' },
        10_000,
      ),
    ).toEqual({ failure: 'host_key_mismatch', reason: 'not the recorded key' });
    expect(
      classifyConnectError(err({}), { ok: false, kind: 'unknown', reason: 'no record' }, 10_000)
        .failure,
    ).toBe('host_key_unknown');
  });
  it('time, login and the network, in plain words', () => {
    expect(classifyConnectError(err({ level: 'client-timeout' }), null, 7_000)).toEqual({
      failure: 'timeout',
      reason: 'no answer within 7 s',
    });
    expect(classifyConnectError(err({ level: 'client-authentication' }), null, 1).failure).toBe(
      'auth_failed',
    );
    expect(classifyConnectError(err({ code: 'ECONNREFUSED' }), null, 1)).toEqual({
      failure: 'unreachable',
      reason: 'connection refused',
    });
    expect(classifyConnectError(err({ code: 'ENOTFOUND' }), null, 1).reason).toBe(
      'the name does not resolve',
    );
    expect(classifyConnectError(err({ code: 'EHOSTUNREACH' }), null, 1).reason).toBe(
      'no route to the host',
    );
  });
});

describe('allPolicies', () => {
  const rule = (ok: boolean, algs?: string[]): HostKeyPolicy => ({
    algorithms: () => Promise.resolve(algs),
    verify: () =>
      Promise.resolve(
        ok
          ? { ok: true, source: 'known_hosts' }
          : { ok: false, kind: 'mismatch', reason: `refused by ${String(algs)}` },
      ),
  });
  it('every rule must accept the key; the first refusal is the answer', async () => {
    const key = Buffer.from('k');
    expect((await allPolicies([rule(true), rule(true)]).verify('h', 22, key)).ok).toBe(true);
    expect(await allPolicies([rule(true), rule(false, ['b'])]).verify('h', 22, key)).toEqual({
      ok: false,
      kind: 'mismatch',
      reason: 'refused by b',
    });
    expect((await allPolicies([rule(false), rule(true)]).verify('h', 22, key)).ok).toBe(false);
  });
  it('asks for the key types of the first rule that names any', async () => {
    expect(
      await allPolicies([rule(true), rule(true, ['ssh-ed25519'])]).algorithms('h', 22),
    ).toEqual(['ssh-ed25519']);
    expect(await allPolicies([rule(true), rule(true)]).algorithms('h', 22)).toBeUndefined();
  });
});

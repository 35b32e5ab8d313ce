/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any` */
// Force within its bounds: what preflight calls unbypassable, create refuses whatever `force` says
// (one rule, server/preflight/catalogue.ts CHECK_SEVERITY, src/georep/force.ts otherWritersOf).
import { LAB_IDS } from '../../../../dev/lab';
import { CHECK_SEVERITY } from '../../../../server/preflight/catalogue';
import type { PreflightCheck } from '../../../../src/georep/types';
import { PROD, startStack, type Fault, type SessionList, type Stack } from '../../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

// vmstore-dr on gdr1 is already the secondary of vmstore (demo lab); data wants it too, via gdr2.
const INTO_IN_USE = {
  primary_volume: 'home',
  source_host_id: LAB_IDS.hostProd1,
  secondary_host: 'gdr2.lab.example',
  secondary_volume: 'vmstore-dr',
};

describe('a secondary another session writes into', () => {
  it('preflight: a blocker that force does not get past', async () => {
    const r = await s.call('admin@internal', 'POST', `/clusters/${PROD}/preflight`, INTO_IN_USE);
    const b = r.json<{ check: PreflightCheck[]; can_create_with_force: boolean }>();
    expect(b.check.find((c) => c.id === 'secondary_not_in_use')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('vmstore (cluster gluster-prod'),
    });
    expect(b.can_create_with_force).toBe(false);
  });

  it('create with force: 409, and nothing is created', async () => {
    const before = (
      await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
    ).json<SessionList>().georep_session.length;
    const calls = s.sim!.callCount();
    const r = await s.call('admin@internal', 'POST', `/clusters/${PROD}/sessions`, {
      ...INTO_IN_USE,
      force: true,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /vmstore-dr on gdr2.lab.example is already the secondary of vmstore \(cluster gluster-prod.*force does not change that/,
    );
    // Only reads reached Gluster: no gsec_create, no create.
    expect(s.sim!.callCount() - calls).toBeLessThan(10);
    const after = (
      await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
    ).json<SessionList>().georep_session.length;
    expect(after).toBe(before);
  });

  it('every check preflight calls a blocker is one create enforces, and force bypasses only the forceable', () => {
    const blockers = Object.entries(CHECK_SEVERITY)
      .filter(([, v]) => v === 'blocker')
      .map(([k]) => k);
    expect(blockers).toEqual(
      expect.arrayContaining(['secondary_not_in_use', 'same_cluster', 'session_exists']),
    );
    expect(
      Object.entries(CHECK_SEVERITY)
        .filter(([, v]) => v === 'forceable')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['gluster_version', 'primary_peers', 'secondary_empty', 'secondary_size']);
  });
});

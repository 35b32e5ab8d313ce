// The non-root preparation (server/mountbroker/prepare.ts) over the simulated secondary nodes:
// what preflight reads and plans, each step idempotent, each refusal naming its step and node.
import {
  mountbroker,
  MountbrokerStepError,
  type MountbrokerTarget,
} from '../../../../server/mountbroker/prepare';
import {
  simSecondaryNode,
  simSecondaryRoot,
  type SimSecondaryNode,
} from '../../../../dev/sim/gluster/mountbroker';

const target: MountbrokerTarget = {
  nodes: ['gdr1', 'gdr2'],
  user: 'geoaccount',
  group: 'geogroup',
  root: '/var/mountbroker-root',
  primary_volume: 'data',
  secondary_volume: 'data-dr',
};

function world(accounts = true) {
  const nodes = new Map<string, SimSecondaryNode>([
    ['gdr1', simSecondaryNode()],
    ['gdr2', simSecondaryNode()],
  ]);
  if (accounts)
    for (const n of nodes.values()) {
      n.groups.add('geogroup');
      n.users.set('geoaccount', {
        groups: new Set(['geoaccount', 'geogroup']),
        home: '/home/geoaccount',
      });
    }
  const exec = simSecondaryRoot(nodes);
  return { nodes, exec, mb: mountbroker(exec, { sleep: () => Promise.resolve(), waitMs: 50 }) };
}

test('preflight reads the status and says what the flow will do, glusterd restart included', async () => {
  const { mb } = world();
  const i = await mb.inspect(target);
  expect(i.accounts).toEqual([]);
  expect(i.status!.map((n) => n.node)).toEqual(['localhost', 'gdr2']);
  expect(i.plan.join('\n')).toMatch(/gluster-mountbroker setup \/var\/mountbroker-root geogroup/);
  expect(i.plan.join('\n')).toMatch(/gluster-mountbroker add data-dr geoaccount/);
  expect(i.plan.join('\n')).toMatch(/glusterd will be RESTARTED on gdr1, gdr2/);
});

test('preflight names the node that lacks the user', async () => {
  const { mb, nodes } = world();
  nodes.get('gdr2')!.users.delete('geoaccount');
  const i = await mb.inspect(target);
  expect(i.accounts).toEqual([{ node: 'gdr2', missing: ['user geoaccount'] }]);
  expect(i.plan[0]).toMatch(/^gdr2 lacks user geoaccount/);
});

test('prepare runs setup, add and the restarts once; a second run changes nothing', async () => {
  const { mb, nodes, exec } = world();
  const first = await mb.prepare(target);
  expect(first.map((s) => `${s.step}:${s.node}:${s.outcome}`)).toEqual([
    'accounts:gdr1, gdr2:already',
    'setup:gdr1:done',
    'add:gdr1:done',
    'restart_glusterd:gdr1:done',
    'restart_glusterd:gdr2:done',
  ]);
  for (const n of nodes.values()) {
    expect(n.vol).toMatchObject({ root: '/var/mountbroker-root', group: 'geogroup' });
    expect([...n.vol.users.get('geoaccount')!]).toEqual(['data-dr']);
    expect(n.glusterdRestarts).toBe(1);
  }
  exec.log.length = 0;
  const again = await mb.prepare(target);
  expect(again.filter((s) => s.outcome === 'done')).toEqual([]);
  expect(
    exec.log.some((l) => /setup|add|systemctl/.test(l.split(': ')[1]!) && !/status/.test(l)),
  ).toBe(false);
  expect(nodes.get('gdr1')!.glusterdRestarts).toBe(1);
});

test('a missing account refuses before anything changes, naming the node and what to do', async () => {
  const { mb, nodes } = world();
  nodes.get('gdr2')!.groups.delete('geogroup');
  const err = await mb.prepare(target).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MountbrokerStepError);
  expect(err).toMatchObject({ step: 'accounts', node: 'gdr2' });
  expect((err as Error).message).toMatch(/group geogroup.*Nothing was changed/);
  expect(nodes.get('gdr1')!.vol.root).toBeNull();
});

test('a DOWN secondary node is named and nothing is changed', async () => {
  const { mb, nodes } = world();
  nodes.get('gdr2')!.up = false;
  await expect(mb.prepare(target)).rejects.toMatchObject({ step: 'setup', node: 'gdr2' });
  expect(nodes.get('gdr1')!.vol.root).toBeNull();
});

test('set_geo_rep_pem_keys.sh runs once the push-pem file is there, and says when it is not', async () => {
  const { mb, nodes, exec } = world();
  await expect(mb.distributeKeys(target)).rejects.toMatchObject({ step: 'pem_keys', node: 'gdr1' });
  nodes.get('gdr1')!.files.add('/home/geoaccount/data_data-dr_common_secret.pem.pub');
  const s = await mb.distributeKeys(target);
  expect(s).toMatchObject({ step: 'pem_keys', outcome: 'done' });
  expect(exec.log.at(-1)).toBe(
    'gdr1: /usr/libexec/glusterfs/set_geo_rep_pem_keys.sh geoaccount data data-dr',
  );
  expect(nodes.get('gdr2')!.files.has('authorized_keys:geoaccount:data_data-dr')).toBe(true);
});

test.each([
  [{ user: 'root' }, /non-root/],
  [{ user: '-rf' }, /secondary_user/],
  [{ group: 'geo group' }, /secondary_group/],
  [{ root: '/etc' }, /mountbroker_root/],
  [{ secondary_volume: 'a;b' }, /secondary_volume/],
])('every value is validated before any program runs (%j)', async (bad, why) => {
  const { mb, exec } = world();
  await expect(mb.prepare({ ...target, ...bad })).rejects.toThrow(why);
  expect(exec.log).toEqual([]);
});

test('an existing mountbroker with another group is a conflict named in preflight and refused, nothing changed', async () => {
  const { mb, nodes } = world();
  for (const n of nodes.values()) {
    n.groups.add('othergroup');
    n.vol.root = '/var/mountbroker-root';
    n.vol.group = 'othergroup';
    n.files.add('/var/mountbroker-root');
  }
  const i = await mb.inspect(target);
  expect(i.conflict).toMatch(/uses the group othergroup.*use othergroup as this session's group/);
  await expect(mb.prepare(target)).rejects.toMatchObject({ step: 'setup', node: 'gdr1' });
  expect(nodes.get('gdr1')!.vol.group).toBe('othergroup');
  expect(nodes.get('gdr1')!.glusterdRestarts).toBe(0);
});

test('an existing mountbroker root is kept, not moved', async () => {
  const { mb, nodes, exec } = world();
  for (const n of nodes.values()) {
    n.vol.root = '/srv/mb-root';
    n.vol.group = 'geogroup';
    n.files.add('/srv/mb-root');
  }
  const steps = await mb.prepare(target);
  expect(steps.find((s) => s.step === 'setup')!.outcome).toBe('already');
  expect(exec.log.some((l) => l.includes('setup /var/mountbroker-root'))).toBe(false);
  expect(nodes.get('gdr2')!.vol.root).toBe('/srv/mb-root');
});

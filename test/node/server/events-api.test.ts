// Registering the service's webhook with Gluster's events API: the commands as argv (quoted for
// the node's shell), webhook-mod when the URL is there already, the daemon reloaded on every node
// (its own reload cannot find it), and what the tab is told when any of it fails.
import { parse } from 'shell-quote';
import Fastify from 'fastify';
import { EventsApi, webhookToken, webhookUrl } from '../../../server/events-api';
import type { HostShell } from '../../../server/gluster/provision';

const log = Fastify({ logger: false }).log;
const cluster = {
  id: 'cl-1',
  name: 'prod',
  gluster_service: true,
  virt_service: false,
  data_center_id: null,
  version: null,
};
const BASE = 'https://engine.example.com/ovirt-georep/api/gluster-events';

function shell(answer: (node: string, argv: string[]) => number) {
  const runs: { node: string; argv: string[] }[] = [];
  const sh: HostShell = {
    runShell: (node, command) => {
      const argv = parse(command) as string[];
      runs.push({ node, argv });
      return Promise.resolve({ stdout: '', stderr: 'failed', code: answer(node, argv) });
    },
  };
  return { sh, runs };
}

test('adds the webhook with its token on one node, then reloads glustereventsd on every node', async () => {
  const { sh, runs } = shell(() => 0);
  const api = new EventsApi({ webhookBase: BASE, secret: 's3cret', shell: sh });
  const st = await api.register(cluster, ['g1', 'g2'], log);
  expect(st.state).toBe('registered');
  expect(runs[0]).toEqual({
    node: 'g1',
    argv: [
      'gluster-eventsapi',
      'webhook-add',
      `${BASE}/cl-1`,
      '-t',
      webhookToken('s3cret', 'cl-1'),
    ],
  });
  expect(
    runs
      .slice(1)
      .map((r) => [r.node, r.argv.join(' ')])
      .sort(),
  ).toEqual([
    ['g1', 'systemctl reload glustereventsd'],
    ['g2', 'systemctl reload glustereventsd'],
  ]);
  expect(api.pushes('cl-1')).toBe(true);
  expect(webhookUrl(BASE, 'cl-1')).toBe(`${BASE}/cl-1`);
  expect(webhookToken('s3cret', 'cl-1')).not.toBe(webhookToken('s3cret', 'cl-2'));
  expect(webhookToken('s3cret', 'cl-1')).not.toBe(webhookToken('other', 'cl-1'));
});

test('an existing webhook gets its token with webhook-mod (exit 5: ERROR_WEBHOOK_ALREADY_EXISTS)', async () => {
  const { sh, runs } = shell((_n, argv) => (argv[1] === 'webhook-add' ? 5 : 0));
  const api = new EventsApi({ webhookBase: BASE, secret: 's', shell: sh });
  expect((await api.register(cluster, ['g1'], log)).state).toBe('registered');
  expect(runs.map((r) => r.argv[1])).toEqual(['webhook-add', 'webhook-mod', 'reload']);
});

test('without gluster-eventsapi on any node: unavailable, and the tab is told why', async () => {
  const { sh } = shell(() => 127);
  const api = new EventsApi({ webhookBase: BASE, secret: 's', shell: sh });
  const st = await api.register(cluster, ['g1', 'g2'], log);
  expect(st).toMatchObject({
    state: 'unavailable',
    reason: 'gluster-eventsapi is not installed on g2 (package glusterfs-events)',
  });
  expect(api.pushes('cl-1')).toBe(false);
  expect(api.whyNot('cl-1')).toMatch(/not installed/);
});

test('a daemon that cannot be reloaded anywhere (not running): registered, but not pushing', async () => {
  const { sh } = shell((_n, argv) => (argv[0] === 'systemctl' ? 3 : 0));
  const api = new EventsApi({ webhookBase: BASE, secret: 's', shell: sh });
  expect((await api.register(cluster, ['g1', 'g2'], log)).state).toBe('registered');
  expect(api.pushes('cl-1')).toBe(false);
  expect(api.whyNot('cl-1')).toBe(
    'glustereventsd could not be reloaded on g1, g2 (is it running there?)',
  );
});

test('unregister: webhook-del, and a webhook that was not there says so', async () => {
  const { sh, runs } = shell(() => 6);
  const api = new EventsApi({ webhookBase: BASE, secret: 's', shell: sh });
  expect(await api.unregister(cluster, ['g1'])).toBe(`${BASE}/cl-1 was not registered`);
  expect(runs[0]!.argv).toEqual(['gluster-eventsapi', 'webhook-del', `${BASE}/cl-1`]);
});

// The Volumes button's verdict (src/plugin/volumeButton.ts): what WebAdmin's item does not carry
// (the volume's status, whether the user may act) read ahead, unknown never disabling.
import { VolumeButtonState } from '../../../../src/plugin/volumeButton';

const CLUSTER = 'c-1';
const GLUSTER = new Set([CLUSTER]);
const vol = (id: string) => ({ id, name: id, clusterId: CLUSTER });

function state(opts: { statuses?: Record<string, string>; may?: boolean | Error } = {}) {
  const calls: string[] = [];
  const logs: string[] = [];
  const s = new VolumeButtonState({
    listVolumes: (c) => {
      calls.push(`volumes ${c}`);
      return Promise.resolve(
        Object.entries(opts.statuses ?? {}).map(([id, status]) => ({ id, name: id, status })),
      );
    },
    mayAct: (c) => {
      calls.push(`access ${c}`);
      return opts.may instanceof Error
        ? Promise.reject(opts.may)
        : Promise.resolve(opts.may ?? true);
    },
    log: (_l, m) => void logs.push(m),
  });
  return { s, calls, logs };
}

test('before anything is read, one volume of a visible Gluster cluster is enough', () => {
  const { s } = state();
  expect(s.enabled([vol('a')], GLUSTER)).toBe(true);
  expect(s.enabled([vol('a'), vol('b')], GLUSTER)).toBe(false);
  expect(s.enabled([], GLUSTER)).toBe(false);
  expect(s.enabled([{ id: 'x', name: 'x', clusterId: 'other' }], GLUSTER)).toBe(false);
});

test('a volume that is not Up disables it; an Up one does not', async () => {
  const { s } = state({ statuses: { a: 'up', b: 'down' } });
  await s.refresh([CLUSTER]);
  expect(s.enabled([vol('a')], GLUSTER)).toBe(true);
  expect(s.enabled([vol('b')], GLUSTER)).toBe(false);
  expect(s.enabled([vol('new')], GLUSTER)).toBe(true); // created since: not known, not refused
});

test('a user who may not act on the cluster finds it disabled', async () => {
  const { s } = state({ statuses: { a: 'up' }, may: false });
  await s.refresh([CLUSTER]);
  expect(s.enabled([vol('a')], GLUSTER)).toBe(false);
});

test('an access that cannot be read forgets the old answer and says so in the log', async () => {
  const ok = state({ statuses: { a: 'up' }, may: false });
  await ok.s.refresh([CLUSTER]);
  expect(ok.s.enabled([vol('a')], GLUSTER)).toBe(false);
  const { s, logs } = state({ statuses: { a: 'up' }, may: new Error('service down') });
  await s.refresh([CLUSTER]);
  expect(s.enabled([vol('a')], GLUSTER)).toBe(true);
  expect(logs).toEqual([`Access to cluster ${CLUSTER} not read: service down`]);
});

test('one read per cluster at a time', async () => {
  const { s, calls } = state({ statuses: { a: 'up' } });
  await Promise.all([s.refresh([CLUSTER]), s.refresh([CLUSTER])]);
  expect(calls).toEqual([`volumes ${CLUSTER}`, `access ${CLUSTER}`]);
});

import { remoteVolumeChoices } from '../../../../../src/app/start/remoteEligibility';
import type { GeoRepSession } from '../../../../../src/georep/types';

const session = (p: Partial<GeoRepSession>) =>
  ({
    primary_volume: 'data',
    secondary_host: 'r1.example.com',
    secondary_volume: 'x',
    ...p,
  }) as GeoRepSession;

test('an Up volume in no listed session is eligible; eligible ones first, then by name', () => {
  const c = remoteVolumeChoices(
    [
      { id: '1', name: 'zeta', status: 'up' },
      { id: '2', name: 'alpha', status: 'down' },
      { id: '3', name: 'beta', status: 'up' },
    ],
    ['r1.example.com'],
    [],
  );
  expect(c.map((v) => [v.name, v.reasons])).toEqual([
    ['beta', []],
    ['zeta', []],
    ['alpha', [{ kind: 'not_up', status: 'down' }]],
  ]);
});

test('a volume already the secondary of a session (named by any host of its cluster) is not', () => {
  const c = remoteVolumeChoices(
    [
      { id: '1', name: 'backup', status: 'up' },
      { id: '2', name: 'other', status: 'up' },
    ],
    ['r2', 'R1.example.com'],
    [session({ secondary_host: 'r1.example.com', secondary_volume: 'backup' })],
  );
  expect(c.find((v) => v.name === 'backup')!.reasons).toEqual([
    { kind: 'in_session', session: 'data → r1.example.com::backup' },
  ]);
  expect(c.find((v) => v.name === 'other')!.reasons).toEqual([]);
});

test('the same volume name on a host of another cluster does not count', () => {
  const c = remoteVolumeChoices(
    [{ id: '1', name: 'backup', status: 'up' }],
    ['r2.example.com'],
    [session({ secondary_host: 'elsewhere.example.com', secondary_volume: 'backup' })],
  );
  expect(c[0]!.reasons).toEqual([]);
});

test('a volume of unknown status is not called Up', () => {
  const c = remoteVolumeChoices([{ id: '1', name: 'v' }], [], []);
  expect(c[0]!.reasons).toEqual([{ kind: 'not_up', status: 'unknown' }]);
});

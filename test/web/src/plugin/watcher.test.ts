import { createPluginIntl } from '../../../../src/intl';
import { startWatcher } from '../../../../src/plugin/watcher';
import type { GeoRepSession, SessionStatus } from '../../../../src/georep/types';
import type { Notice } from '../../../../src/plugin/alerts';

const s = (status: SessionStatus): GeoRepSession => ({
  id: 's1',
  cluster_id: 'c1',
  primary_volume: 'data',
  secondary_host: 'gdr1',
  secondary_volume: 'data-dr',
  secondary_user: 'root',
  status,
  workers: [],
  last_synced: null,
  sync_point: { time: null, source: 'unknown', as_of: null },
  lag_seconds: null,
  checkpoint: null,
  read_at: '',
});

describe('alert watcher', () => {
  it('raises one alert for a Faulty transition over many polls, and survives a service outage', async () => {
    const intl = await createPluginIntl('en-US');
    const statuses: (SessionStatus | Error)[] = [
      'Active',
      'Faulty',
      'Faulty',
      new Error('502'),
      'Faulty',
      'Active',
    ];
    let i = 0;
    const notices: Notice[] = [];
    const logs: string[] = [];
    const w = startWatcher({
      intl,
      intervalMs: 1_000_000,
      recoveryMs: 0,
      listGlusterClusters: () => Promise.resolve([{ id: 'c1', name: 'gluster-prod' }]),
      listSessions: () => {
        const v = statuses[Math.min(i++, statuses.length - 1)]!;
        return v instanceof Error
          ? Promise.reject(v)
          : Promise.resolve({ sessions: [s(v)], readAt: '', backend: 'sim' });
      },
      notify: (n) => notices.push(n),
      log: (_l, m) => logs.push(m),
    });
    await new Promise((r) => setTimeout(r, 0)); // first poll from start
    for (let k = 1; k < statuses.length; k++) await w.poll();
    w.stop();
    expect(notices.map((n) => n.type)).toEqual(['danger', 'success']);
    expect(logs.filter((l) => l.includes('Cannot read sessions'))).toHaveLength(1);
  });

  it('does not poll while WebAdmin is hidden', async () => {
    const intl = await createPluginIntl('en-US');
    const listSessions = jest.fn(() =>
      Promise.resolve({ sessions: [], readAt: '', backend: 'sim' }),
    );
    const w = startWatcher({
      intl,
      intervalMs: 5,
      isVisible: () => false,
      listGlusterClusters: () => Promise.resolve([{ id: 'c1', name: 'x' }]),
      listSessions,
      notify: () => undefined,
      log: () => undefined,
    });
    await new Promise((r) => setTimeout(r, 30));
    w.stop();
    expect(listSessions).not.toHaveBeenCalled();
  });
});

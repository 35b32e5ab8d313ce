import { createPluginIntl } from '../../../../src/intl';
import { ALERT_AUTO_HIDE_MS, marksOf, noticesFor } from '../../../../src/plugin/alerts';
import type { GeoRepSession, SessionStatus } from '../../../../src/georep/types';

const session = (
  status: SessionStatus,
  checkpoint: GeoRepSession['checkpoint'] = null,
): GeoRepSession => ({
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
  checkpoint,
  read_at: '2026-11-24T00:00:00Z',
});

describe('WebAdmin alerts for sessions', () => {
  it('alerts once when a session turns Faulty, not on the following polls', async () => {
    const intl = await createPluginIntl('en-US');
    let prev = marksOf([session('Active')]);
    const first = noticesFor(prev, [session('Faulty')], intl);
    expect(first).toEqual([
      {
        kind: 'alert',
        type: 'danger',
        message: expect.stringContaining('data → gdr1::data-dr is Faulty') as string,
        autoHideMs: ALERT_AUTO_HIDE_MS,
      },
    ]);
    prev = marksOf([session('Faulty')]);
    expect(noticesFor(prev, [session('Faulty')], intl)).toEqual([]);
  });

  it('warns for partly Faulty and reports the recovery', async () => {
    const intl = await createPluginIntl('en-US');
    expect(
      noticesFor(marksOf([session('Active')]), [session('PartiallyFaulty')], intl)[0],
    ).toMatchObject({ type: 'warning' });
    const immediate = { now: 0, recoveryMs: 0 };
    expect(
      noticesFor(
        marksOf([session('PartiallyFaulty')], null, immediate),
        [session('Active')],
        intl,
        immediate,
      ),
    ).toEqual([
      {
        kind: 'alert',
        type: 'success',
        message: expect.stringContaining('recovered and is Active') as string,
        autoHideMs: ALERT_AUTO_HIDE_MS,
      },
    ]);
  });

  it('does not re-alert when Faulty improves to partly Faulty', async () => {
    const intl = await createPluginIntl('en-US');
    expect(noticesFor(marksOf([session('Faulty')]), [session('PartiallyFaulty')], intl)).toEqual(
      [],
    );
  });

  it('reports a session already Faulty on the first read, and nothing for healthy ones', async () => {
    const intl = await createPluginIntl('en-US');
    expect(noticesFor(null, [session('Faulty')], intl)).toHaveLength(1);
    expect(
      noticesFor(
        null,
        [
          session('Active', {
            time: '2026-11-24T00:00:00Z',
            completed: true,
            completion_time: null,
          }),
        ],
        intl,
      ),
    ).toEqual([]);
  });

  it('tells once when a checkpoint completes', async () => {
    const intl = await createPluginIntl('en-US');
    const pending = session('Active', {
      time: '2026-11-24T10:00:00Z',
      completed: false,
      completion_time: null,
    });
    const done = session('Active', {
      time: '2026-11-24T10:00:00Z',
      completed: true,
      completion_time: '2026-11-24T10:00:09Z',
    });
    expect(noticesFor(marksOf([pending]), [done], intl)).toEqual([
      {
        kind: 'toast',
        type: 'success',
        message: expect.stringContaining('completed its checkpoint') as string,
      },
    ]);
    expect(noticesFor(marksOf([done]), [done], intl)).toEqual([]);
  });

  it('does not announce the same completion again after a Faulty episode', async () => {
    const intl = await createPluginIntl('en-US');
    const cp = (completed: boolean) => ({
      time: '2026-11-24T10:00:00Z',
      completed,
      completion_time: completed ? '2026-11-24T10:00:09Z' : null,
    });
    // completed; Faulty (the failed set's workers report no checkpoint); recovered: completed again
    const reads = [
      session('Active', cp(false)),
      session('Active', cp(true)),
      session('Faulty', cp(false)),
      session('Faulty', null),
      session('Active', cp(true)),
    ];
    let prev: ReturnType<typeof marksOf> | null = null;
    const toasts: string[] = [];
    reads.forEach((s, i) => {
      const timing = { now: i * 60_000, recoveryMs: 0 };
      for (const n of noticesFor(prev, [s], intl, timing))
        if (n.kind === 'toast') toasts.push(n.message);
      prev = marksOf([s], prev, timing);
    });
    expect(toasts).toHaveLength(1);
  });

  it('a new checkpoint completing is announced', async () => {
    const intl = await createPluginIntl('en-US');
    const first = session('Active', {
      time: '2026-11-24T10:00:00Z',
      completed: true,
      completion_time: '2026-11-24T10:00:09Z',
    });
    const second = session('Active', {
      time: '2026-11-24T11:00:00Z',
      completed: true,
      completion_time: '2026-11-24T11:00:05Z',
    });
    expect(noticesFor(marksOf([first]), [second], intl)).toHaveLength(1);
  });
});

describe('WebAdmin alerts within a Faulty episode', () => {
  // One read every 10 s; recovered after 15 s healthy (two healthy reads).
  const walk = async (statuses: SessionStatus[]) => {
    const intl = await createPluginIntl('en-US');
    let prev: ReturnType<typeof marksOf> | null = null;
    const types: string[] = [];
    statuses.forEach((st, i) => {
      const timing = { now: i * 10_000, recoveryMs: 15_000 };
      for (const n of noticesFor(prev, [session(st)], intl, timing)) types.push(n.type);
      prev = marksOf([session(st)], prev, timing);
    });
    return types;
  };

  it('a worker retrying (Faulty → Initializing → Faulty → Active) alerts once, then recovers once', async () => {
    expect(
      await walk([
        'Active',
        'Faulty',
        'Initializing',
        'Faulty',
        'Initializing',
        'Active',
        'Active',
        'Active',
        'Active',
      ]),
    ).toEqual(['danger', 'success']);
  });

  it('a set that reads healthy between two retries of its Faulty worker is not "recovered"', async () => {
    expect(
      await walk([
        'Active',
        'PartiallyFaulty',
        'Active',
        'PartiallyFaulty',
        'Active',
        'PartiallyFaulty',
      ]),
    ).toEqual(['warning']);
  });

  it('partly Faulty getting worse alerts again; improving does not', async () => {
    expect(
      await walk([
        'Active',
        'PartiallyFaulty',
        'Faulty',
        'PartiallyFaulty',
        'Active',
        'Active',
        'Active',
      ]),
    ).toEqual(['warning', 'danger', 'success']);
  });

  it('an administrator stopping a Faulty session ends the episode without "recovered"', async () => {
    expect(await walk(['Faulty', 'Stopped', 'Active'])).toEqual(['danger']);
  });
});

describe('WebAdmin alerts for a stalled session', () => {
  it('one alert per Stalled episode, one when it gets worse, one when it recovers', async () => {
    const intl = await createPluginIntl('en-US');
    const t = (now: number) => ({ now, recoveryMs: 30_000 });
    let prev = marksOf([session('Active')], null, t(0));
    const stalled = noticesFor(prev, [session('Stalled')], intl, t(1_000));
    expect(stalled).toEqual([
      {
        kind: 'alert',
        type: 'danger',
        message: expect.stringContaining('data → gdr1::data-dr is Stalled') as string,
        autoHideMs: ALERT_AUTO_HIDE_MS,
      },
    ]);
    prev = marksOf([session('Stalled')], prev, t(1_000));
    expect(noticesFor(prev, [session('Stalled')], intl, t(2_000))).toEqual([]);
    // a partly Faulty read inside the episode is not worse than Stalled: nothing new
    expect(noticesFor(prev, [session('PartiallyFaulty')], intl, t(3_000))).toEqual([]);
    // Faulty is worse: heard once
    expect(noticesFor(prev, [session('Faulty')], intl, t(3_000)).map((n) => n.message)).toEqual([
      expect.stringContaining('is Faulty'),
    ]);
    // recovered once healthy for the recovery time (after Recover restarted the workers)
    prev = marksOf([session('Active')], prev, t(4_000));
    expect(noticesFor(prev, [session('Active')], intl, t(40_000)).map((n) => n.message)).toEqual([
      expect.stringContaining('has recovered'),
    ]);
  });
});

// The DR records read back from Gluster's volume options are checked against the wire contract.
import { conforms, isDrSetup, isDrSyncRecord } from '../../../../server/dr/records';
import { DrScheduleSchema } from '../../../../src/georep/contract';

const setup = {
  storage_domain_id: '0a8d4b1c-3f6e-4d5a-9b2c-1e2f3a4b5c6d',
  storage_domain_name: 'data',
  session: {
    primary_volume: 'data',
    secondary_host: 'gdr1',
    secondary_volume: 'data-dr',
    secondary_user: 'root',
  },
  schedule: {
    frequency: 'weekly',
    days: ['mon', 'thu'],
    hour: 2,
    minute: 30,
    time_zone: 'Europe/Prague',
    after: 'stop',
    max_wait_minutes: 60,
  },
  set_by: 'admin@internal',
  set_at: '2026-12-07T10:00:00.000Z',
};

const record = {
  run_id: 'r1',
  trigger: 'manual',
  by: 'admin@internal',
  due_at: null,
  started_at: '2026-12-07T10:00:00.000Z',
  ended_at: '2026-12-07T10:01:00.000Z',
  result: 'succeeded',
  detail: 'Synced',
  checkpoint_time: '2026-12-07T10:00:05.000Z',
  checkpoint_completed_at: '2026-12-07T10:00:50.000Z',
  data: { primary_used_bytes: 1024, secondary_used_before: null, secondary_used_after: 2048 },
  vms: ['vm1'],
  left: [],
  instance: 'a',
};

describe('DR records read back from Gluster', () => {
  it('takes a complete set-up, and one with fields a later version added', () => {
    expect(isDrSetup(setup)).toBe(true);
    expect(isDrSetup({ ...setup, note: 'later' })).toBe(true);
  });

  it('refuses a set-up missing a field, with a wrong type, or with an unknown time zone', () => {
    const { set_by: _omit, ...noSetBy } = setup;
    expect(isDrSetup(noSetBy)).toBe(false);
    expect(isDrSetup({ ...setup, session: { ...setup.session, secondary_user: 0 } })).toBe(false);
    expect(isDrSetup({ ...setup, schedule: { ...setup.schedule, days: ['monday'] } })).toBe(false);
    expect(
      isDrSetup({ ...setup, schedule: { ...setup.schedule, time_zone: 'Mars/Olympus' } }),
    ).toBe(false);
  });

  it('takes a complete sync record and refuses one cut short or with an unknown result', () => {
    expect(isDrSyncRecord(record)).toBe(true);
    const { data: _omit, ...noData } = record;
    expect(isDrSyncRecord(noData)).toBe(false);
    expect(isDrSyncRecord({ ...record, result: 'maybe' })).toBe(false);
    expect(isDrSyncRecord({ ...record, data: { ...record.data, primary_used_bytes: '1' } })).toBe(
      false,
    );
    expect(isDrSyncRecord('{"run_id":"r1"}')).toBe(false);
  });

  it('checks bounds the contract states (an hour of 24 does not fit the schedule)', () => {
    expect(conforms(DrScheduleSchema, setup.schedule)).toBe(true);
    expect(conforms(DrScheduleSchema, { ...setup.schedule, hour: 24 })).toBe(false);
    expect(conforms(DrScheduleSchema, { ...setup.schedule, minute: 1.5 })).toBe(false);
  });
});

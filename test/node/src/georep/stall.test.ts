// The stall rule (src/georep/stall.ts): evidence read on a brick's node -> idle, busy, lagging,
// stalled; thresholds from the session's own timings.
import {
  classifyEvidence,
  stallThresholds,
  toStallEvidence,
  type WorkerEvidence,
} from '../../../../src/georep/stall';

const NOW = 1_800_000_000;
const ev = (over: Partial<WorkerEvidence>): WorkerEvidence => ({
  now: NOW,
  last_synced: NOW - 100,
  oldest_pending: null,
  pending: 0,
  processing: 0,
  ...over,
});

describe('thresholds', () => {
  it('are twice a rollover plus a change interval', () => {
    expect(stallThresholds(15, 5).stallAfterSeconds).toBe(40);
    expect(stallThresholds(30, 10).stallAfterSeconds).toBe(80);
  });
  it('are never under 10 s (the lab: rollover 3 s, change interval 1 s)', () => {
    expect(stallThresholds(3, 1).stallAfterSeconds).toBe(10);
  });
  it("take Gluster's defaults for missing or nonsense values", () => {
    expect(stallThresholds().stallAfterSeconds).toBe(40);
    expect(stallThresholds(NaN, -1).stallAfterSeconds).toBe(40);
  });
});

describe('verdicts', () => {
  const t = stallThresholds(3, 1); // 10 s
  it('idle: nothing recorded after the last sync', () => {
    expect(classifyEvidence(ev({}), t)).toBe('idle');
  });
  it('busy: changes waiting while the worker processes changelogs', () => {
    expect(classifyEvidence(ev({ oldest_pending: NOW - 300, pending: 40, processing: 3 }), t)).toBe(
      'busy',
    );
  });
  it('lagging: a change waits, younger than the threshold', () => {
    expect(classifyEvidence(ev({ oldest_pending: NOW - 9, pending: 1 }), t)).toBe('lagging');
    expect(classifyEvidence(ev({ oldest_pending: NOW - 10, pending: 1 }), t)).toBe('lagging');
  });
  it('stalled: a change waits beyond the threshold with nothing being processed', () => {
    expect(classifyEvidence(ev({ oldest_pending: NOW - 11, pending: 1 }), t)).toBe('stalled');
  });
  it('unknown without the status file', () => {
    expect(classifyEvidence(ev({ last_synced: null, oldest_pending: NOW - 60 }), t)).toBe(
      'unknown',
    );
  });
});

describe('evidence in the user words', () => {
  it('says since when which changes wait', () => {
    const e = toStallEvidence(ev({ oldest_pending: NOW - 125, pending: 3 }), NOW - 60);
    expect(e).toEqual({
      pending_since: new Date((NOW - 125) * 1000).toISOString(),
      pending_changelogs: 3,
      last_synced: new Date((NOW - 100) * 1000).toISOString(),
      stalled_since: new Date((NOW - 60) * 1000).toISOString(),
      waited_seconds: 125,
    });
  });
});

// Long actions (Recover: restarts and waits of a minute or more) run as jobs: the request that
// starts one answers 202 at once with the job, and the tab follows its steps with GET .../jobs/{id}
// (the engine's Apache proxy would cut a request that waits minutes). Jobs live in this process's
// memory only, for an hour after they end: a restart of the service loses the record of a job,
// never its effect (Gluster holds that) nor its audit event (posted when it ends).
import { randomUUID } from 'node:crypto';
import type { GeoRepJob } from '../src/georep/types';
import type { RecoverStep } from './recover';
import { errorMessage } from '../src/georep/errorMessage';

export type Job = GeoRepJob;

const KEEP_MS = 60 * 60 * 1000;
const MAX_JOBS = 500;

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The running job of a session, if any. */
  runningFor(sessionId: string): Job | undefined {
    return [...this.jobs.values()].find((j) => j.session_id === sessionId && j.state === 'running');
  }

  get(clusterId: string, id: string): Job | undefined {
    const j = this.jobs.get(id);
    return j && j.cluster_id === clusterId ? j : undefined;
  }

  /**
   * Starts `run` in the background and returns the job at once. `run` reports its steps through
   * `progress` and resolves with the outcome; a rejection ends the job as failed with its message.
   */
  start(
    init: Pick<Job, 'kind' | 'cluster_id' | 'session_id' | 'user'>,
    run: (
      progress: (steps: readonly RecoverStep[]) => void,
    ) => Promise<{ ok: boolean; detail: string }>,
    onEnd?: (job: Job) => void | Promise<void>,
  ): Job {
    this.prune();
    const job: Job = {
      ...init,
      id: randomUUID(),
      state: 'running',
      steps: [],
      detail: null,
      started_at: new Date(this.now()).toISOString(),
      ended_at: null,
    };
    this.jobs.set(job.id, job);
    void (async () => {
      try {
        const out = await run((steps) => {
          job.steps = steps.map((s) => ({ ...s }));
        });
        job.state = out.ok ? 'succeeded' : 'failed';
        job.detail = out.detail;
      } catch (err) {
        job.state = 'failed';
        job.detail = errorMessage(err);
      }
      job.ended_at = new Date(this.now()).toISOString();
      try {
        await onEnd?.(job);
      } catch {
        /* the end hook (audit) reports its own failures */
      }
    })();
    return { ...job };
  }

  private prune(): void {
    const cutoff = this.now() - KEEP_MS;
    for (const [id, j] of this.jobs) {
      if (j.ended_at && Date.parse(j.ended_at) < cutoff) this.jobs.delete(id);
    }
    if (this.jobs.size >= MAX_JOBS) {
      const ended = [...this.jobs.values()]
        .filter((j) => j.ended_at)
        .sort((a, b) => a.ended_at!.localeCompare(b.ended_at!));
      for (const j of ended.slice(0, this.jobs.size - MAX_JOBS + 1)) this.jobs.delete(j.id);
    }
  }
}

// The steps of starting a geo-replication session, as a small state machine that runs without any
// UI (StartFlow) plus a hook over it (useStartFlow):
//
//   check   POST .../preflight: nothing is changed; blockers stop here, forceable failures too
//           unless Force was ticked (the passwordless_ssh check is the next step's business)
//   verify  POST .../ssh/verify as root's default keys (skipped when Use Default is unticked, as
//           the feature page says). A failure that keys can fix pauses the flow ("needs_ssh") for
//           the Passwordless SSH dialog; continueAfterSsh() resumes it where it stopped.
//   create  POST .../sessions {start: false, config}: the service runs gsec_create + create
//           push-pem, then sets the options itself, in order (server/routes/sessions.ts), so the
//           options are never sent twice; its fault says whether the session was created.
//   config  reported from the create answer (done by the service, or failed with its words)
//   start   POST .../sessions/{id}/start
//
// Whatever stops the flow says what exists: nothing, "created, not started" with the reason, or
// "unknown" when the service did not answer in time. A second run() while one is going does
// nothing (a double click on OK sends once).
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { ApiError } from '../../api/http';
import { forceMayHelp } from '../../georep/force';
import type { GeoRepSession, PreflightCheck } from '../../georep/types';
import type {
  CreateSessionRequest,
  PreflightRequest,
  PreflightResult,
  SshVerifyResult,
  StartServices,
} from './services';
import { errorMessage } from '../../georep/errorMessage';

export type StepId = 'check' | 'verify' | 'create' | 'config' | 'start';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface StepState {
  id: StepId;
  status: StepStatus;
  /** The service's words for this step (what it did, or why it failed), when there are any. */
  detail: string | null;
}

export interface SourceHost {
  id: string;
  name: string;
  address: string;
}

/** Everything the flow needs, already validated by the dialog. */
export interface StartInput {
  clusterId: string;
  primaryVolume: string;
  sourceHost: SourceHost;
  remoteHost: string;
  /** The remote volume (for a directory: the name the service will give the volume it creates). */
  remoteVolume: string;
  /** A directory on the remote host (sent as secondary_path), or null for a volume. */
  remotePath: string | null;
  user: string;
  /** The mountbroker group; only for a non-root user. */
  group: string | null;
  port: number;
  /** Use Default ticked: Gluster's configuration, and passwordless SSH is verified first. */
  useDefault: boolean;
  /** Options to set after create (empty with Use Default). */
  config: Record<string, string>;
  force: boolean;
  /** Start the session once created (oVirt's "Auto-start after creation"); else Start it later. */
  autoStart?: boolean;
}

/** How the Passwordless SSH dialog made SSH work. */
export type SshResolution =
  { kind: 'password'; detail: string } | { kind: 'key'; path: string; detail: string };

export type FlowOutcome =
  | { kind: 'none' }
  /** The preflight found blockers, or forceable failures without Force. Nothing was changed. */
  | { kind: 'blocked'; blockers: PreflightCheck[]; forceable: PreflightCheck[] }
  /** Verification failed in a way keys can fix: waiting for the Passwordless SSH dialog. */
  | { kind: 'needs_ssh'; verify: SshVerifyResult }
  /** A step failed and nothing was created. */
  | { kind: 'failed'; step: StepId; reason: string; forceMayHelp?: boolean }
  /** The session exists but was not started (the options or the start failed). */
  | {
      kind: 'created_not_started';
      step: 'config' | 'start' | 'create';
      reason: string;
      session: GeoRepSession | null;
    }
  /** The service did not answer the create in time: the session may or may not exist. */
  | { kind: 'unknown'; reason: string }
  | { kind: 'done'; session: GeoRepSession; started?: boolean };

export interface FlowState {
  /** A run (or a check) is going. */
  running: boolean;
  /** A stand-alone Check is going. */
  checking: boolean;
  /** The steps of the last run; empty before OK. */
  steps: StepState[];
  /** The last preflight answer and the input it was for (see inputSignature). */
  preflight: PreflightResult | null;
  preflightFor: string | null;
  /** Why the last preflight could not be run. */
  preflightError: string | null;
  outcome: FlowOutcome;
  /** The step running now, for the live region. */
  current: StepId | null;
  /** The input of the last run (what OK sent). */
  lastInput: StartInput | null;
}

/** Failures of /ssh/verify that the Passwordless SSH dialog can fix (a key or the password). */
const FIXABLE_BY_SETUP: ReadonlySet<string> = new Set([
  'key_rejected',
  'unknown_host_key',
  'host_key_changed',
  'auth_failed',
  'no_such_key_file',
  'bad_key_permissions',
]);

export const PASSWORDLESS_SSH_CHECK = 'passwordless_ssh';

export interface PreflightAssessment {
  /** Failed checks nothing bypasses. */
  blockers: PreflightCheck[];
  /** Failed checks Force bypasses. */
  forceable: PreflightCheck[];
  /** The passwordless SSH check (handled by the verify step, or skipped with Use Default off). */
  ssh: PreflightCheck | null;
  /** Every forceable check, failed or not: what Force would bypass. */
  forceableAll: PreflightCheck[];
  /**
   * Checks that could not be made for lack of evidence (skipped, not information): the summary
   * must not say "can be created" while these are open.
   */
  unverified: PreflightCheck[];
}

/**
 * Sorts a preflight answer for the dialog. The passwordless SSH check never blocks here: with Use
 * Default the next step verifies it and opens the setup dialog; without, the feature page says no
 * verification is made.
 */
export function assessPreflight(result: PreflightResult): PreflightAssessment {
  const others = result.check.filter((c) => c.id !== PASSWORDLESS_SSH_CHECK);
  return {
    blockers: others.filter((c) => c.outcome === 'fail' && c.severity === 'blocker'),
    forceable: others.filter((c) => c.outcome === 'fail' && c.severity === 'forceable'),
    ssh: result.check.find((c) => c.id === PASSWORDLESS_SSH_CHECK) ?? null,
    forceableAll: others.filter((c) => c.severity === 'forceable'),
    unverified: others.filter((c) => c.outcome === 'skipped' && c.severity !== 'info'),
  };
}

/** The fields a preflight answer depends on (not Force): a different signature makes it stale. */
export function inputSignature(input: StartInput): string {
  return JSON.stringify([
    input.clusterId,
    input.primaryVolume,
    input.sourceHost.id,
    input.remoteHost,
    input.remoteVolume,
    input.remotePath,
    input.user,
    input.group,
    input.port,
    input.useDefault,
    input.config,
  ]);
}

function reasonOf(err: unknown): string {
  if (err instanceof ApiError) return err.detail || err.reason;
  return errorMessage(err);
}

function preflightRequest(input: StartInput): PreflightRequest {
  return {
    primary_volume: input.primaryVolume,
    source_host_id: input.sourceHost.id,
    secondary_host: input.remoteHost,
    ...(input.remotePath !== null
      ? { secondary_path: input.remotePath }
      : { secondary_volume: input.remoteVolume }),
    secondary_user: input.user,
    ...(input.user !== 'root' && input.group ? { secondary_group: input.group } : {}),
    ssh_port: input.port,
    ...(Object.keys(input.config).length > 0 ? { config: input.config } : {}),
  };
}

export function createRequest(input: StartInput): CreateSessionRequest {
  return {
    ...preflightRequest(input),
    source_host_id: input.sourceHost.id,
    force: input.force,
    start: false,
  };
}

/**
 * What a failed POST .../sessions left behind, from the fault's words (server/routes/sessions.ts:
 * "… The session was not created." before or during create; "… was created, but setting its
 * options failed …" after; "Gluster accepted the creation … but does not list it" at the end).
 */
export function classifyCreateFailure(
  err: unknown,
): 'not_created' | 'options_failed' | 'created' | 'unknown' {
  const detail = err instanceof ApiError ? err.detail : '';
  if (/was not created/i.test(detail)) return 'not_created';
  if (/was created, but setting its options failed/i.test(detail)) return 'options_failed';
  if (/accepted the creation/i.test(detail) || /\bwas created\b/i.test(detail)) return 'created';
  if (
    err instanceof ApiError &&
    (err.kind === 'timeout' || (err.kind === 'unreachable' && err.status === null))
  ) {
    return 'unknown';
  }
  return 'not_created';
}

const STEP_ORDER: StepId[] = ['check', 'verify', 'create', 'config', 'start'];

const INITIAL: FlowState = {
  running: false,
  checking: false,
  steps: [],
  preflight: null,
  preflightFor: null,
  preflightError: null,
  outcome: { kind: 'none' },
  current: null,
  lastInput: null,
};

/** The flow without React: state, subscribers and the steps. */
export class StartFlow {
  private state: FlowState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private busy = false;
  private input: StartInput | null = null;

  constructor(private readonly services: StartServices) {}

  getState = (): FlowState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<FlowState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private step(id: StepId, status: StepStatus, detail: string | null = null): void {
    this.set({
      steps: this.state.steps.map((s) => (s.id === id ? { ...s, status, detail } : s)),
      current: status === 'running' ? id : this.state.current,
    });
  }

  /** Runs the preflight only (the Check button). Null when something is already running. */
  async check(input: StartInput): Promise<PreflightResult | null> {
    if (this.busy) return null;
    this.busy = true;
    this.set({ running: true, checking: true, preflightError: null });
    try {
      const result = await this.services.preflight(input.clusterId, preflightRequest(input));
      this.set({ preflight: result, preflightFor: inputSignature(input) });
      return result;
    } catch (err) {
      this.set({ preflight: null, preflightFor: null, preflightError: reasonOf(err) });
      return null;
    } finally {
      this.busy = false;
      this.set({ running: false, checking: false });
    }
  }

  /** OK: preflight, verify, create, start. Does nothing while a run is going. */
  async run(input: StartInput): Promise<FlowState | null> {
    if (this.busy) return null;
    this.busy = true;
    this.input = input;
    this.set({
      running: true,
      preflightError: null,
      outcome: { kind: 'none' },
      steps: STEP_ORDER.map((id) => ({ id, status: 'pending', detail: null })),
      current: null,
      lastInput: input,
    });
    try {
      if (await this.checkStep(input)) {
        let verified = true;
        if (input.useDefault) verified = await this.verifyStep(input);
        else this.step('verify', 'skipped');
        if (verified) await this.createAndStart(input);
      }
    } finally {
      this.busy = false;
      this.set({ running: false, current: null });
    }
    return this.state;
  }

  /** After the Passwordless SSH dialog succeeded (password or key): verify again, then go on. */
  async continueAfterSsh(_how: SshResolution): Promise<FlowState | null> {
    const input = this.input;
    if (this.busy || !input || this.state.outcome.kind !== 'needs_ssh') return null;
    this.busy = true;
    this.set({ running: true, outcome: { kind: 'none' } });
    try {
      // Both ways installed root's own key: the check is the same one Gluster's create will meet.
      if (await this.verifyStep(input)) await this.createAndStart(input);
    } finally {
      this.busy = false;
      this.set({ running: false, current: null });
    }
    return this.state;
  }

  /** The Passwordless SSH dialog was closed without success: the run stops at verify. */
  abandonSsh(): void {
    const o = this.state.outcome;
    if (o.kind !== 'needs_ssh') return;
    this.set({ outcome: { kind: 'failed', step: 'verify', reason: o.verify.detail } });
  }

  private async checkStep(input: StartInput): Promise<boolean> {
    this.step('check', 'running');
    let result: PreflightResult;
    try {
      result = await this.services.preflight(input.clusterId, preflightRequest(input));
    } catch (err) {
      const reason = reasonOf(err);
      this.set({ preflight: null, preflightFor: null, preflightError: reason });
      this.step('check', 'failed', reason);
      this.set({ outcome: { kind: 'failed', step: 'check', reason } });
      return false;
    }
    this.set({ preflight: result, preflightFor: inputSignature(input) });
    const a = assessPreflight(result);
    if (a.blockers.length > 0 || (a.forceable.length > 0 && !input.force)) {
      this.step('check', 'failed');
      this.set({ outcome: { kind: 'blocked', blockers: a.blockers, forceable: a.forceable } });
      return false;
    }
    this.step('check', 'done');
    return true;
  }

  private async verifyStep(input: StartInput): Promise<boolean> {
    this.step('verify', 'running');
    let r: SshVerifyResult;
    try {
      r = await this.services.verifySsh(input.clusterId, input.sourceHost.id, {
        user: input.user,
        remote_host: input.remoteHost,
        port: input.port,
      });
    } catch (err) {
      const reason = reasonOf(err);
      this.step('verify', 'failed', reason);
      this.set({ outcome: { kind: 'failed', step: 'verify', reason } });
      return false;
    }
    if (r.ok) {
      this.step('verify', 'done', r.detail);
      return true;
    }
    this.step('verify', 'failed', r.detail);
    if (r.failure === undefined || FIXABLE_BY_SETUP.has(r.failure)) {
      this.set({ outcome: { kind: 'needs_ssh', verify: r } });
    } else {
      this.set({ outcome: { kind: 'failed', step: 'verify', reason: r.detail } });
    }
    return false;
  }

  private async createAndStart(input: StartInput): Promise<void> {
    const hasConfig = Object.keys(input.config).length > 0;
    this.step('create', 'running');
    let session: GeoRepSession;
    try {
      session = await this.services.createSession(input.clusterId, createRequest(input));
    } catch (err) {
      const reason = reasonOf(err);
      switch (classifyCreateFailure(err)) {
        case 'options_failed':
          this.step('create', 'done');
          this.step('config', 'failed', reason);
          this.step('start', 'skipped');
          this.set({
            outcome: { kind: 'created_not_started', step: 'config', reason, session: null },
          });
          return;
        case 'created':
          this.step('create', 'done', reason);
          this.step('config', hasConfig ? 'done' : 'skipped');
          this.step('start', 'skipped');
          this.set({
            outcome: { kind: 'created_not_started', step: 'create', reason, session: null },
          });
          return;
        case 'unknown':
          this.step('create', 'failed', reason);
          this.set({ outcome: { kind: 'unknown', reason } });
          return;
        default:
          this.step('create', 'failed', reason);
          this.set({
            outcome: {
              kind: 'failed',
              step: 'create',
              reason,
              // Gluster refused something its force skips (a primary node down, a secondary
              // too small or not empty): say so, never "Force would bypass nothing".
              forceMayHelp: forceMayHelp('create', reason, input.force),
            },
          });
          return;
      }
    }
    this.step('create', 'done');
    this.step('config', hasConfig ? 'done' : 'skipped');
    if (input.autoStart === false) {
      this.step('start', 'skipped');
      this.set({ outcome: { kind: 'done', session, started: false } });
      return;
    }
    this.step('start', 'running');
    try {
      await this.services.controlSession(input.clusterId, session.id, 'start', false);
    } catch (err) {
      const reason = reasonOf(err);
      this.step('start', 'failed', reason);
      this.set({ outcome: { kind: 'created_not_started', step: 'start', reason, session } });
      return;
    }
    this.step('start', 'done');
    this.set({ outcome: { kind: 'done', session } });
  }
}

/** The flow for a component: one StartFlow per services object, its state re-rendered on change. */
export function useStartFlow(services: StartServices) {
  const flow = useMemo(() => new StartFlow(services), [services]);
  const state = useSyncExternalStore(flow.subscribe, flow.getState, flow.getState);
  const run = useCallback((input: StartInput) => flow.run(input), [flow]);
  const check = useCallback((input: StartInput) => flow.check(input), [flow]);
  const continueAfterSsh = useCallback((how: SshResolution) => flow.continueAfterSsh(how), [flow]);
  const abandonSsh = useCallback(() => flow.abandonSsh(), [flow]);
  return { state, run, check, continueAfterSsh, abandonSsh };
}

// The Start dialog's progress: the steps of OK as they run, the outcome, and what a screen reader
// hears as they go.
import { Alert, Content, ProgressStep, ProgressStepper } from '@patternfly/react-core';
import type { MessageDescriptor } from '../../intl/react';
import { useIntl } from '../../intl/react';
import { InProgressIcon } from '../icons';
import { startMessages as m } from './messages';
import { NonRootSteps } from './NonRootSteps';
import type { FlowState, StepId, StepState } from './useStartFlow';

const STEP_TITLE: Record<StepId, MessageDescriptor> = {
  check: m.stepCheck,
  verify: m.stepVerify,
  create: m.stepCreate,
  config: m.stepConfig,
  start: m.stepStart,
};
const STATUS_TEXT = {
  pending: m.stepPending,
  running: m.stepRunning,
  done: m.stepDone,
  failed: m.stepFailed,
  skipped: m.stepSkipped,
} as const;
const STEP_VARIANT = {
  pending: 'pending',
  running: 'info',
  done: 'success',
  failed: 'danger',
  skipped: 'default',
} as const;

/** The step's title; the create step says it provisions a volume first for a directory. */
const stepTitle = (id: StepId, state: FlowState): MessageDescriptor =>
  id === 'create' && state.lastInput?.remotePath
    ? m.stepCreatePath
    : id === 'create' && state.lastInput && state.lastInput.user !== 'root'
      ? m.stepCreateNonRoot
      : STEP_TITLE[id];

/** The values step titles may use (the non-root user of the create step). */
const stepValues = (state: FlowState): Record<string, string> => ({
  user: state.lastInput?.user ?? '',
});

export function Steps({ state, idBase }: { state: FlowState; idBase: string }) {
  const intl = useIntl();
  const describe = (s: StepState): string | null => {
    if (s.id === 'check' && s.status === 'failed' && state.outcome.kind === 'blocked')
      return intl.formatMessage(m.stepCheckBlocked);
    if (s.id === 'verify' && s.status === 'skipped' && state.lastInput?.useDefault === false)
      return intl.formatMessage(m.stepVerifySkipped);
    if (s.id === 'config' && s.status === 'done') {
      const n = Object.keys(state.lastInput?.config ?? {}).length;
      return intl.formatMessage(m.stepConfigDone, { count: n });
    }
    if (s.id === 'config' && s.status === 'skipped') return intl.formatMessage(m.stepConfigSkipped);
    if (s.id === 'start' && s.status === 'skipped') return intl.formatMessage(m.stepStartNotRun);
    return s.detail;
  };
  return (
    <ProgressStepper isVertical aria-label={intl.formatMessage(m.progressSection)}>
      {state.steps.map((s) => {
        const title = intl.formatMessage(stepTitle(s.id, state), stepValues(state));
        const status = intl.formatMessage(STATUS_TEXT[s.status]);
        return (
          <ProgressStep
            key={s.id}
            id={`${idBase}-step-${s.id}`}
            titleId={`${idBase}-step-${s.id}-title`}
            data-step={s.id}
            data-status={s.status}
            variant={STEP_VARIANT[s.status]}
            isCurrent={s.status === 'running'}
            icon={s.status === 'running' ? <InProgressIcon /> : undefined}
            description={describe(s)}
          >
            {title}
            <span className="pf-v6-screen-reader">
              {' '}
              {intl.formatMessage(m.stepStatusSr, { status })}
            </span>
          </ProgressStep>
        );
      })}
    </ProgressStepper>
  );
}

export function Outcome({ state, volume }: { state: FlowState; volume: string }) {
  const intl = useIntl();
  const o = state.outcome;
  switch (o.kind) {
    case 'blocked':
      return (
        <Alert
          component="h3"
          isInline
          variant="danger"
          title={intl.formatMessage(m.blocked)}
          data-testid="start-outcome"
        >
          {intl.formatMessage(o.blockers.length === 0 ? m.blockedForce : m.blockedFix)}
        </Alert>
      );
    case 'failed':
      return (
        <Alert
          component="h3"
          isInline
          variant="danger"
          title={intl.formatMessage(m.failedTitle, {
            step: intl.formatMessage(stepTitle(o.step, state), stepValues(state)),
          })}
          data-testid="start-outcome"
        >
          <Content component="p" className="georep-name">
            {o.reason}
          </Content>
          {o.step === 'verify' ? (
            <Content component="p">{intl.formatMessage(m.sshNotSetUp)}</Content>
          ) : null}
          {o.forceMayHelp ? (
            <Content component="p" data-testid="create-force-hint">
              {intl.formatMessage(m.createForceMayHelp)}
            </Content>
          ) : null}
        </Alert>
      );
    case 'created_not_started':
      return (
        <Alert
          component="h3"
          isInline
          variant="warning"
          title={intl.formatMessage(m.notCreatedTitle, { reason: o.reason })}
          data-testid="start-outcome"
        >
          {intl.formatMessage(
            o.step === 'config'
              ? m.notStartedWhenConfig
              : o.step === 'start'
                ? m.notStartedWhenStart
                : m.notStartedWhenListed,
          )}
        </Alert>
      );
    case 'unknown':
      return (
        <Alert
          component="h3"
          isInline
          variant="warning"
          title={intl.formatMessage(m.unknownTitle)}
          data-testid="start-outcome"
        >
          {intl.formatMessage(m.unknownBody, { reason: o.reason })}
        </Alert>
      );
    case 'done':
      return (
        <Alert
          component="h3"
          isInline
          variant="success"
          title={intl.formatMessage(o.started === false ? m.doneNotStartedTitle : m.doneTitle, {
            volume: o.session.primary_volume || volume,
            remote: `${o.session.secondary_host}::${o.session.secondary_volume}`,
          })}
          data-testid="start-outcome"
        >
          {o.session.provisioned_volume
            ? intl.formatMessage(m.doneProvisioned, {
                reused: String(o.session.provisioned_volume.reused),
                name: o.session.provisioned_volume.name,
                host: o.session.provisioned_volume.host,
                path: o.session.provisioned_volume.path,
              })
            : null}
          <NonRootSteps session={o.session} />
        </Alert>
      );
    default:
      return null;
  }
}

/** What a screen reader hears as the steps go: the running step, then the outcome. */
export function LiveStatus({ state }: { state: FlowState }) {
  const intl = useIntl();
  let message = '';
  const running = state.steps.find((s) => s.status === 'running');
  if (running) {
    message = intl.formatMessage(m.live, {
      title: intl.formatMessage(stepTitle(running.id, state), stepValues(state)),
      status: intl.formatMessage(m.stepRunning),
    });
  } else {
    const o = state.outcome;
    if (o.kind === 'done')
      message = intl.formatMessage(o.started === false ? m.doneNotStartedTitle : m.doneTitle, {
        volume: o.session.primary_volume,
        remote: `${o.session.secondary_host}::${o.session.secondary_volume}`,
      });
    else if (o.kind === 'created_not_started')
      message = intl.formatMessage(m.notCreatedTitle, { reason: o.reason });
    else if (o.kind === 'failed')
      message = intl.formatMessage(m.failedTitle, {
        step: intl.formatMessage(stepTitle(o.step, state), stepValues(state)),
      });
    else if (o.kind === 'blocked') message = intl.formatMessage(m.blocked);
    else if (o.kind === 'unknown') message = intl.formatMessage(m.unknownTitle);
  }
  return (
    <div role="status" aria-live="polite" className="pf-v6-screen-reader" data-testid="start-live">
      {message}
    </div>
  );
}

// The preflight's answer: what must be fixed (blockers), what Force may bypass, and every check
// with its outcome and evidence.
import { Alert, Content, Label, List, ListItem } from '@patternfly/react-core';
import { useIntl } from '../../intl/react';
import type { PreflightCheck } from '../../georep/types';
import { CheckCircleIcon, ExclamationCircleIcon, OutlinedQuestionCircleIcon } from '../icons';
import { startMessages as m } from './messages';
import type { PreflightResult } from './services';
import { assessPreflight, PASSWORDLESS_SSH_CHECK } from './useStartFlow';

export interface PreflightResultsProps {
  result: PreflightResult;
  /** Made for other values than the form's current ones. */
  stale: boolean;
  useDefault: boolean;
}

const OUTCOME = { pass: m.outcomePass, fail: m.outcomeFail, skipped: m.outcomeSkipped };
const SEVERITY = {
  blocker: m.severityBlocker,
  forceable: m.severityForceable,
  info: m.severityInfo,
};

function OutcomeIcon({ check }: { check: PreflightCheck }) {
  if (check.outcome === 'pass')
    return <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />;
  if (check.outcome === 'fail')
    return (
      <ExclamationCircleIcon
        color={
          check.severity === 'blocker'
            ? 'var(--pf-t--global--icon--color--status--danger--default)'
            : 'var(--pf-t--global--icon--color--status--warning--default)'
        }
      />
    );
  return <OutlinedQuestionCircleIcon color="var(--pf-t--global--icon--color--subtle)" />;
}

export function PreflightResults({ result, stale, useDefault }: PreflightResultsProps) {
  const intl = useIntl();
  const a = assessPreflight(result);
  // The remote answered while the source host's SSH login to it fails: not a contradiction (the
  // service asks an engine-managed remote with its own access), but it reads like one unexplained.
  const reachable = result.check.some((c) => c.id === 'remote_reachable' && c.outcome === 'pass');
  const titles = (checks: PreflightCheck[]) => (
    <List>
      {checks.map((c) => (
        <ListItem key={c.id}>
          <strong>{c.title}</strong>: {c.evidence}
        </ListItem>
      ))}
    </List>
  );
  return (
    <div data-testid="preflight-results">
      {result.plan ? (
        <Alert
          component="h3"
          isInline
          isPlain
          variant="info"
          title={intl.formatMessage(m.planTitle, { plan: result.plan })}
          data-testid="preflight-plan"
        />
      ) : null}
      {stale ? (
        <Alert
          component="h3"
          isInline
          isPlain
          variant="info"
          title={intl.formatMessage(m.checksStale)}
        />
      ) : null}
      {a.blockers.length > 0 ? (
        <Alert
          component="h3"
          isInline
          variant="danger"
          title={intl.formatMessage(m.blockersTitle, { count: a.blockers.length })}
          data-testid="preflight-blockers"
        >
          {titles(a.blockers)}
        </Alert>
      ) : null}
      {a.forceable.length > 0 ? (
        <Alert
          component="h3"
          isInline
          variant="warning"
          title={intl.formatMessage(m.forceableTitle, { count: a.forceable.length })}
          data-testid="preflight-forceable"
        >
          {titles(a.forceable)}
        </Alert>
      ) : null}
      {a.blockers.length === 0 && a.forceable.length === 0 && a.unverified.length > 0 ? (
        <Alert
          component="h3"
          isInline
          variant="info"
          title={intl.formatMessage(m.checksUnverifiedTitle, { count: a.unverified.length })}
          data-testid="preflight-unverified"
        >
          {titles(a.unverified)}
        </Alert>
      ) : null}
      {a.blockers.length === 0 && a.forceable.length === 0 && a.unverified.length === 0 ? (
        <Content component="p" data-testid="preflight-all-passed">
          {intl.formatMessage(m.checksAllPassed)}
        </Content>
      ) : null}
      <List isPlain aria-label={intl.formatMessage(m.checksAria)}>
        {result.check.map((c) => (
          <ListItem key={c.id} icon={<OutcomeIcon check={c} />} data-check={c.id}>
            <span className="georep-check-line">
              {intl.formatMessage(m.checkLine, {
                // Information never blocks: what did not hold is a note, not a failure.
                outcome: intl.formatMessage(
                  c.severity === 'info' && c.outcome === 'fail'
                    ? m.outcomeNote
                    : OUTCOME[c.outcome],
                ),
                title: c.title,
              })}
            </span>
            {/* What a check would do if it failed is said only where it did not pass. */}
            {c.outcome !== 'pass' && c.severity !== 'info' ? (
              <>
                {' '}
                <Label isCompact color={c.severity === 'blocker' ? 'red' : 'orange'}>
                  {intl.formatMessage(SEVERITY[c.severity])}
                </Label>
              </>
            ) : null}
            <div className="georep-option-description">{c.evidence}</div>
            {c.id === PASSWORDLESS_SSH_CHECK && c.outcome === 'fail' && reachable ? (
              <div className="georep-option-description" data-testid="reachable-but-no-ssh">
                {intl.formatMessage(m.reachableButNoSsh)}
              </div>
            ) : null}
            {c.id === PASSWORDLESS_SSH_CHECK && c.outcome !== 'pass' ? (
              <div className="georep-option-description">
                {intl.formatMessage(useDefault ? m.sshCheckDefault : m.sshCheckCustom)}
              </div>
            ) : null}
          </ListItem>
        ))}
      </List>
    </div>
  );
}

// What the tab shows when it cannot show data: login expired, no permission, not found, or the
// engine / geo-rep service unreachable (with a retry).
import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import type { MessageDescriptor } from '../intl/react';
import { useIntl } from '../intl/react';
import type { ApiError } from '../api/http';
import { useGeoRepEnvironment } from './environment';
import { ExclamationCircleIcon, LockIcon } from './icons';
import { pageMessages } from './messages';

export function ReloadToLogin() {
  const intl = useIntl();
  const { reloadWebAdmin } = useGeoRepEnvironment();
  return (
    <Button variant="link" isInline onClick={reloadWebAdmin}>
      {intl.formatMessage(pageMessages.reloadToLogin)}
    </Button>
  );
}

export interface LoadProblemProps {
  error: ApiError;
  /** Title for failures that are not 401/403/404. */
  failureTitle: MessageDescriptor;
  onRetry: () => void;
  retrying?: boolean;
}

export function LoadProblem({ error, failureTitle, onRetry, retrying = false }: LoadProblemProps) {
  const intl = useIntl();
  if (error.kind === 'unauthorized') {
    return (
      <EmptyState
        titleText={intl.formatMessage(pageMessages.unauthorizedTitle)}
        headingLevel="h2"
        icon={LockIcon}
        status="warning"
      >
        <EmptyStateBody>{intl.formatMessage(pageMessages.unauthorizedBody)}</EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>
            <ReloadToLogin />
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    );
  }
  if (error.kind === 'forbidden') {
    return (
      <EmptyState
        titleText={intl.formatMessage(pageMessages.forbiddenTitle)}
        headingLevel="h2"
        icon={LockIcon}
      >
        <EmptyStateBody>
          {intl.formatMessage(pageMessages.forbiddenBody)}
          {error.detail ? (
            <>
              {' '}
              <span className="georep-name">{error.detail}</span>
            </>
          ) : null}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  if (error.kind === 'not_found') {
    return (
      <EmptyState
        titleText={intl.formatMessage(pageMessages.notFoundTitle)}
        headingLevel="h2"
        icon={ExclamationCircleIcon}
      >
        <EmptyStateBody>{intl.formatMessage(pageMessages.notFoundBody)}</EmptyStateBody>
      </EmptyState>
    );
  }
  const detail = error.detail || error.reason;
  const body =
    error.kind === 'unreachable' || error.kind === 'timeout'
      ? intl.formatMessage(pageMessages.unreachableBody, { detail })
      : intl.formatMessage(pageMessages.failedBody, { detail });
  return (
    <EmptyState
      titleText={intl.formatMessage(failureTitle)}
      headingLevel="h2"
      icon={ExclamationCircleIcon}
      status="danger"
    >
      <EmptyStateBody>
        <span className="georep-name">{body}</span>
      </EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <Button variant="primary" onClick={onRetry} isLoading={retrying} isDisabled={retrying}>
            {intl.formatMessage(pageMessages.retry)}
          </Button>
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
}

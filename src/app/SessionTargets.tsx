// The sessions a dialog acts on, and the per-session results once it ran.
import { Alert, Content, List, ListItem, StackItem } from '@patternfly/react-core';
import { useIntl } from '../intl/react';
import type { GeoRepSession } from '../georep/types';
import { CheckCircleIcon, ExclamationCircleIcon } from './icons';
import { dialogMessages } from './dialogMessages';
import { sessionKey, sessionName } from './sessionName';
import { StatusLabel } from './StatusLabel';
import type { BatchState, ItemResult } from './useBatchAction';

export function SessionTargets({
  sessions,
  ariaLabel,
}: {
  sessions: readonly GeoRepSession[];
  ariaLabel: string;
}) {
  const intl = useIntl();
  return (
    <List aria-label={ariaLabel} isPlain className="georep-targets">
      {sessions.map((s) => (
        <ListItem key={s.id}>
          <span className="georep-name">{sessionName(intl, s)}</span>{' '}
          <StatusLabel status={s.status} />
        </ListItem>
      ))}
    </List>
  );
}

export function SessionResults({
  results,
  forced,
}: {
  results: readonly ItemResult<GeoRepSession>[];
  /** Sessions whose attempt had force: a refusal then says so. */
  forced?: ReadonlySet<string>;
}) {
  const intl = useIntl();
  return (
    <List aria-label={intl.formatMessage(dialogMessages.resultsTitle)} isPlain>
      {results.map(({ item, ok, error }) => (
        <ListItem
          key={item.id}
          icon={
            ok ? (
              <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />
            ) : (
              <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
            )
          }
        >
          <span className="georep-name">{sessionName(intl, item)}</span>
          {': '}
          {ok
            ? intl.formatMessage(dialogMessages.resultOk)
            : intl.formatMessage(
                error?.kind !== 'conflict'
                  ? dialogMessages.resultFailed
                  : forced?.has(sessionKey(item))
                    ? dialogMessages.resultRefusedForced
                    : dialogMessages.resultRefused,
                {
                  message: error?.detail || error?.reason || '',
                },
              )}
        </ListItem>
      ))}
    </List>
  );
}

/** A batch dialog's progress while it runs, then the per-session results when some failed. */
export function BatchProgress({
  batch,
  forced,
}: {
  batch: BatchState<GeoRepSession>;
  forced?: ReadonlySet<string>;
}) {
  const intl = useIntl();
  const failed = batch.results.filter((r) => !r.ok).length;
  if (batch.running) {
    return (
      <StackItem>
        <Content component="p" role="status">
          {intl.formatMessage(dialogMessages.working, { done: batch.done, total: batch.total })}
        </Content>
      </StackItem>
    );
  }
  if (failed === 0) return null;
  return (
    <StackItem>
      <Alert
        component="h2"
        isInline
        variant="danger"
        title={intl.formatMessage(dialogMessages.failedSummary, {
          failed,
          total: batch.results.length,
        })}
      >
        <SessionResults results={batch.results} forced={forced} />
      </Alert>
    </StackItem>
  );
}

/** Selected sessions a batch action leaves alone, because their state does not allow it. */
export function SkippedSessions({ sessions }: { sessions: readonly GeoRepSession[] }) {
  const intl = useIntl();
  if (sessions.length === 0) return null;
  const title = intl.formatMessage(dialogMessages.skipped, { count: sessions.length });
  return (
    <StackItem>
      <Alert component="h2" isInline isPlain variant="info" title={title}>
        <SessionTargets sessions={sessions} ariaLabel={title} />
      </Alert>
    </StackItem>
  );
}

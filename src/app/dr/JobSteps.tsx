// Follows a service job (GET .../jobs/{id} every 2 s while it runs) and shows its steps and
// outcome in the service's words: the sync now and each failover/failback step use it.
import { Alert, List, ListItem } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useIntl } from '../../intl/react';
import type { GeoRepJob } from '../../georep/types';
import { useServices } from '../environment';
import { CheckCircleIcon, ExclamationCircleIcon, InProgressIcon } from '../icons';
import { drMessages as m } from './messages';

const ICON = {
  done: CheckCircleIcon,
  failed: ExclamationCircleIcon,
  running: InProgressIcon,
} as const;

export function useJob(clusterId: string, started: GeoRepJob | null): GeoRepJob | null {
  const services = useServices();
  const q = useQuery({
    queryKey: ['georep', 'job', clusterId, started?.id ?? ''],
    queryFn: () => services.getJob(clusterId, started!.id),
    enabled: started !== null,
    initialData: started ?? undefined,
    refetchInterval: (x) => (x.state.data?.state === 'running' ? 2_000 : false),
  });
  return q.data ?? started;
}

export function JobSteps({
  job,
  onEnd,
  step = false,
}: {
  job: GeoRepJob;
  onEnd?: (j: GeoRepJob) => void;
  /** One step of a procedure (its outcome says the step is done), not a whole sync. */
  step?: boolean;
}) {
  const intl = useIntl();
  const ended = job.state !== 'running';
  useEffect(() => {
    if (ended) onEnd?.(job);
  }, [ended]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when it ends
  return (
    <>
      {job.steps.length > 0 ? (
        <List isPlain aria-label={intl.formatMessage(m.stepsLabel)} aria-live="polite">
          {job.steps.map((s, i) => {
            const Icon = ICON[s.state];
            return (
              <ListItem key={i} icon={<Icon />}>
                <strong>{s.title}</strong> —{' '}
                {intl.formatMessage(
                  s.state === 'done'
                    ? m.stepDone
                    : s.state === 'failed'
                      ? m.stepFailed
                      : m.stepRunning,
                )}
                {s.detail ? <div className="georep-subtle">{s.detail}</div> : null}
              </ListItem>
            );
          })}
        </List>
      ) : null}
      {ended ? (
        <div data-outcome={job.state}>
          <Alert
            isInline
            variant={job.state === 'succeeded' ? 'success' : 'danger'}
            title={intl.formatMessage(
              job.state === 'succeeded'
                ? step
                  ? m.stepSucceeded
                  : m.succeeded
                : step
                  ? m.stepFailedTitle
                  : m.failed,
            )}
          >
            {job.detail}
          </Alert>
        </div>
      ) : null}
    </>
  );
}

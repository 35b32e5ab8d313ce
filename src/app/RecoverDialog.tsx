// Recover a stalled session: says what it does and why, starts the service's job (202), follows
// its steps until it ends (GET .../jobs/{id} every 2 s), and says the outcome in the service's
// words. Closing does not stop it: the job runs in the service, the table shows the session.
import {
  Alert,
  Button,
  Content,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from '../intl/react';
import type { GeoRepJob, GeoRepSession } from '../georep/types';
import { useServices } from './environment';
import { CheckCircleIcon, ExclamationCircleIcon, InProgressIcon } from './icons';
import { dialogMessages } from './dialogMessages';
import { asApiError, queryKeys } from './queries';
import { recoverMessages as m } from './recoverMessages';
import { sessionName } from './sessionName';
import { SessionTargets } from './SessionTargets';
import { useNotify } from './Toasts';
import { asSentence } from '../georep/errorMessage';

export interface RecoverDialogProps {
  clusterId: string;
  session: GeoRepSession;
  onClose: () => void;
}

const STEP_ICON = {
  done: CheckCircleIcon,
  failed: ExclamationCircleIcon,
  running: InProgressIcon,
} as const;

export function RecoverDialog({ clusterId, session, onClose }: RecoverDialogProps) {
  const intl = useIntl();
  const services = useServices();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const titleId = useId();
  const [started, setStarted] = useState<GeoRepJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const job = useQuery({
    queryKey: ['georep', 'job', clusterId, started?.id ?? ''],
    queryFn: () => services.getJob(clusterId, started!.id),
    enabled: started !== null,
    initialData: started ?? undefined,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 2_000 : false),
  });
  const current = job.data ?? started;
  const ended = current !== null && current.state !== 'running';

  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) });
    if (current.state === 'succeeded')
      notify('success', intl.formatMessage(m.toastDone, { name: sessionName(intl, session) }));
    outcomeRef.current?.focus();
  }, [ended]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when it ends

  const start = async () => {
    if (starting || started) return;
    setStarting(true);
    setStartError(null);
    try {
      setStarted(await services.recoverSession(clusterId, session.id));
    } catch (err) {
      const e = asApiError(err);
      setStartError(e.detail || e.reason);
    } finally {
      setStarting(false);
    }
  };

  const running = starting || (current !== null && current.state === 'running');
  const stepLabel = (state: 'done' | 'failed' | 'running') =>
    intl.formatMessage(
      state === 'done' ? m.stepDone : state === 'failed' ? m.stepFailed : m.stepRunning,
    );

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby={titleId}>
      <ModalHeader title={intl.formatMessage(m.title)} labelId={titleId} />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <SessionTargets sessions={[session]} ariaLabel={intl.formatMessage(m.title)} />
          </StackItem>
          <StackItem>
            <Content component="p">{intl.formatMessage(m.explain)}</Content>
            <Content component="p">{intl.formatMessage(m.bound)}</Content>
          </StackItem>
          {current && current.steps.length > 0 ? (
            <StackItem>
              <List isPlain aria-label={intl.formatMessage(m.stepsLabel)} aria-live="polite">
                {current.steps.map((s, i) => {
                  const Icon = STEP_ICON[s.state];
                  return (
                    <ListItem key={i} icon={<Icon />}>
                      <strong>{s.title}</strong> — {stepLabel(s.state)}
                      {s.detail ? <div className="georep-subtle">{s.detail}</div> : null}
                    </ListItem>
                  );
                })}
              </List>
            </StackItem>
          ) : null}
          {startError ? (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                title={intl.formatMessage(m.startFailed, { detail: startError })}
              />
            </StackItem>
          ) : null}
          {job.error && !ended ? (
            <StackItem>
              <Alert
                isInline
                variant="warning"
                title={intl.formatMessage(m.followFailed, {
                  detail: asSentence(asApiError(job.error).detail || asApiError(job.error).reason),
                })}
              />
            </StackItem>
          ) : null}
          {ended ? (
            <StackItem>
              <div ref={outcomeRef} tabIndex={-1} data-outcome={current.state}>
                <Alert
                  isInline
                  variant={current.state === 'succeeded' ? 'success' : 'danger'}
                  title={intl.formatMessage(current.state === 'succeeded' ? m.succeeded : m.failed)}
                >
                  {current.detail}
                </Alert>
              </div>
            </StackItem>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {started ? null : (
          <Button
            variant="primary"
            isLoading={starting}
            isDisabled={starting}
            onClick={() => void start()}
          >
            {intl.formatMessage(starting ? m.running : m.start)}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {intl.formatMessage(started || running ? dialogMessages.close : dialogMessages.cancel)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

// Guided failover or failback of a session: every step with what it does (the commands it runs),
// done ones with who and when, the next one run only when the user confirms it; the state is read
// back from the service (kept on the secondary volume), so closing and coming back resumes.
import {
  Alert,
  Button,
  Checkbox,
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
import { useId, useState } from 'react';
import { useIntl } from '../../intl/react';
import type { DrProcedureKind } from '../../api/dr';
import type { GeoRepJob } from '../../georep/types';
import { useServices } from '../environment';
import { CheckCircleIcon, ExclamationCircleIcon, InProgressIcon } from '../icons';
import { asApiError } from '../queries';
import { JobSteps, useJob } from './JobSteps';
import { drMessages as m } from './messages';

export function ProcedureDialog(props: {
  clusterId: string;
  sessionId: string;
  sessionLabel: string;
  kind: DrProcedureKind;
  onClose: () => void;
}) {
  const { clusterId, sessionId, sessionLabel, kind, onClose } = props;
  const intl = useIntl();
  const dr = useServices().dr!;
  const qc = useQueryClient();
  const titleId = useId();
  const key = ['georep', 'dr', clusterId, 'procedure', sessionId, kind];
  const proc = useQuery({
    queryKey: key,
    queryFn: () => dr.getProcedure(clusterId, sessionId, kind),
  });
  const [started, setStarted] = useState<GeoRepJob | null>(null);
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(clusterId, started);
  const v = proc.data;
  const next = v?.steps.find((s) => s.id === v.next_step) ?? null;
  const running = busy || job?.state === 'running';
  const time = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });

  const run = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      setStarted(await dr.runStep(clusterId, sessionId, kind, next.id, force));
    } catch (err) {
      const e = asApiError(err);
      setError(e.detail || e.reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby={titleId}>
      <ModalHeader
        title={intl.formatMessage(m.procTitle, { kind, session: sessionLabel })}
        labelId={titleId}
      />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <Content component="p">{intl.formatMessage(m.procIntro)}</Content>
          </StackItem>
          {proc.error ? (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                title={asApiError(proc.error).detail || asApiError(proc.error).reason}
              />
            </StackItem>
          ) : null}
          {v?.problem ? (
            <StackItem>
              <Alert isInline variant="warning" title={v.problem} />
            </StackItem>
          ) : null}
          {v?.last_synced_point ? (
            <StackItem>
              <Alert
                isInline
                variant="info"
                title={intl.formatMessage(m.lastPoint, {
                  point: time(v.last_synced_point),
                  basis: v.last_synced_basis ?? '',
                })}
              />
            </StackItem>
          ) : null}
          {v ? (
            <StackItem>
              <List component="ol" aria-label={intl.formatMessage(m.stepsLabel)}>
                {v.steps.map((s) => {
                  const Icon =
                    s.state === 'done' || s.state === 'skipped'
                      ? CheckCircleIcon
                      : s.state === 'failed'
                        ? ExclamationCircleIcon
                        : s.state === 'running'
                          ? InProgressIcon
                          : null;
                  const isNext = s.id === v.next_step;
                  return (
                    <ListItem key={s.id} data-step={s.id} data-state={s.state}>
                      {Icon ? <Icon /> : null} <strong>{s.title}</strong> —{' '}
                      {s.state === 'pending'
                        ? intl.formatMessage(m.stepPending)
                        : s.state === 'skipped'
                          ? intl.formatMessage(m.stepSkipped)
                          : s.state === 'done'
                            ? intl.formatMessage(m.stepDone)
                            : intl.formatMessage(m.stepRunning)}
                      {s.done_at
                        ? ` ${intl.formatMessage(m.doneBy, { by: s.done_by ?? '?', at: time(s.done_at) })}`
                        : ''}
                      {/* what each step does stays readable after it ran (e.g. how to attach the promoted volume) */}
                      <div className={isNext ? undefined : 'georep-subtle'}>{s.explain}</div>
                    </ListItem>
                  );
                })}
              </List>
            </StackItem>
          ) : null}
          {v?.complete ? (
            <StackItem>
              <Alert isInline variant="success" title={intl.formatMessage(m.complete, { kind })} />
            </StackItem>
          ) : null}
          {error ? (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                title={intl.formatMessage(m.startFailed, { detail: error })}
              />
            </StackItem>
          ) : null}
          {job ? (
            <StackItem>
              <JobSteps
                key={job.id}
                job={job}
                step
                onEnd={() => {
                  void qc.invalidateQueries({ queryKey: key });
                  void qc.invalidateQueries({ queryKey: ['georep', 'sessions'] });
                }}
              />
            </StackItem>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {next ? (
          <>
            <Button
              variant="primary"
              isLoading={running}
              isDisabled={running}
              onClick={() => void run()}
            >
              {intl.formatMessage(m.runStep)}: {next.title}
            </Button>
            {kind === 'failover' ? (
              <Checkbox
                id="dr-force"
                label={intl.formatMessage(m.force)}
                isChecked={force}
                onChange={(_e, c) => setForce(c)}
              />
            ) : null}
          </>
        ) : null}
        <Button variant="link" onClick={onClose}>
          {intl.formatMessage(m.close)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

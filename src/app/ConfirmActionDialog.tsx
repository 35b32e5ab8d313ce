// Start / Stop / Pause / Resume / Set checkpoint on one or many sessions: confirm what it acts on,
// run it (progress, once), then re-read the sessions. When Gluster refuses (409) its own message is
// shown and Force is offered with what force means for this action, as oVirt does.
import {
  Alert,
  Button,
  Content,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { type MessageDescriptor, useIntl } from 'react-intl';
import type { GeoRepSession } from '../georep/types';
import { type SessionControlAction, useServices } from './environment';
import { actionMessages, dialogMessages } from './messages';
import { queryKeys } from './queries';
import { sessionKey, sessionName } from './sessionName';
import { BatchProgress, SessionTargets, SkippedSessions } from './SessionTargets';
import { useNotify } from './Toasts';
import { useBatchAction } from './useBatchAction';

export type ConfirmableAction = SessionControlAction | 'checkpoint';

const TEXT: Record<
  ConfirmableAction,
  {
    title: MessageDescriptor;
    explain: MessageDescriptor;
    confirm: MessageDescriptor;
    done: MessageDescriptor;
    force?: [MessageDescriptor, MessageDescriptor];
  }
> = {
  start: {
    title: dialogMessages.startTitle,
    explain: dialogMessages.startExplain,
    confirm: actionMessages.start,
    done: dialogMessages.startDone,
    force: [dialogMessages.startForce, dialogMessages.startForceButton],
  },
  stop: {
    title: dialogMessages.stopTitle,
    explain: dialogMessages.stopExplain,
    confirm: actionMessages.stop,
    done: dialogMessages.stopDone,
    force: [dialogMessages.stopForce, dialogMessages.stopForceButton],
  },
  pause: {
    title: dialogMessages.pauseTitle,
    explain: dialogMessages.pauseExplain,
    confirm: actionMessages.pause,
    done: dialogMessages.pauseDone,
    force: [dialogMessages.pauseForce, dialogMessages.pauseForceButton],
  },
  resume: {
    title: dialogMessages.resumeTitle,
    explain: dialogMessages.resumeExplain,
    confirm: actionMessages.resume,
    done: dialogMessages.resumeDone,
    force: [dialogMessages.resumeForce, dialogMessages.resumeForceButton],
  },
  checkpoint: {
    title: dialogMessages.checkpointTitle,
    explain: dialogMessages.checkpointExplain,
    confirm: actionMessages.checkpoint,
    done: dialogMessages.checkpointDone,
  },
};

export interface ConfirmActionDialogProps {
  action: ConfirmableAction;
  clusterId: string;
  /** The sessions it acts on. */
  targets: GeoRepSession[];
  /** Selected sessions it leaves alone (state does not allow the action). */
  skipped?: GeoRepSession[];
  onClose: () => void;
}

export function ConfirmActionDialog({
  action,
  clusterId,
  targets,
  skipped = [],
  onClose,
}: ConfirmActionDialogProps) {
  const intl = useIntl();
  const services = useServices();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const batch = useBatchAction(sessionKey);
  const titleId = useId();
  const text = TEXT[action];

  const send = (session: GeoRepSession, force: boolean): Promise<unknown> =>
    action === 'checkpoint'
      ? services.setCheckpoint(clusterId, session.id)
      : services.controlSession(clusterId, session.id, action, force);

  const execute = async (sessions: GeoRepSession[], force: boolean): Promise<void> => {
    const results = await batch.run(
      sessions,
      (s) => send(s, force),
      // Show what Gluster says now, never a guess.
      () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) }),
    );
    if (!results) return; // already running: a double click
    if (results.every((r) => r.ok)) {
      notify(
        'success',
        intl.formatMessage(text.done, {
          count: targets.length,
          name: targets[0] ? sessionName(intl, targets[0]) : '',
        }),
      );
      onClose();
    }
  };

  const failed = batch.results.filter((r) => !r.ok);
  const refused = useMemo(
    () => batch.results.filter((r) => !r.ok && r.error?.kind === 'conflict').map((r) => r.item),
    [batch.results],
  );
  const hasRun = batch.results.length > 0;
  const canForce = Boolean(text.force) && refused.length > 0;
  const close = () => {
    if (!batch.running) onClose();
  };

  return (
    <Modal isOpen variant="medium" onClose={close} aria-labelledby={titleId}>
      <ModalHeader
        title={intl.formatMessage(text.title, { count: targets.length })}
        labelId={titleId}
      />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <Content component="p">{intl.formatMessage(text.explain)}</Content>
          </StackItem>
          <StackItem>
            <Content component="p">
              {intl.formatMessage(dialogMessages.targets, { count: targets.length })}
            </Content>
            <SessionTargets
              sessions={targets}
              ariaLabel={intl.formatMessage(text.title, { count: targets.length })}
            />
          </StackItem>
          <SkippedSessions sessions={skipped} />
          <BatchProgress batch={batch} />
          {canForce && !batch.running && text.force ? (
            <StackItem>
              <Alert
                component="h2"
                isInline
                variant="warning"
                title={intl.formatMessage(dialogMessages.forceOffer)}
              >
                {intl.formatMessage(text.force[0])}
              </Alert>
            </StackItem>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {canForce && text.force ? (
          <Button
            variant="danger"
            isLoading={batch.running}
            isDisabled={batch.running}
            onClick={() => void execute(refused, true)}
          >
            {intl.formatMessage(text.force[1])}
          </Button>
        ) : hasRun && failed.length > 0 ? null : (
          <Button
            variant="primary"
            isLoading={batch.running}
            isDisabled={batch.running}
            onClick={() => void execute(targets, false)}
          >
            {intl.formatMessage(text.confirm)}
          </Button>
        )}
        <Button variant="link" onClick={close} isDisabled={batch.running}>
          {intl.formatMessage(hasRun ? dialogMessages.close : dialogMessages.cancel)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

// Start / Stop / Pause / Resume / Set checkpoint on one or many sessions: confirm what it acts on,
// run it (progress, once), then re-read the sessions. When Gluster refuses (409) its own message is
// shown; Force is offered, with what it does, only for the sessions whose refusal Gluster's force
// skips (src/georep/force.ts), and never again for a session refused with force.
import {
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
import { useId, useMemo, useState } from 'react';
import { type MessageDescriptor, useIntl } from '../intl/react';
import type { GeoRepSession } from '../georep/types';
import { type SessionControlAction, useServices } from './environment';
import { ForceAdvice, refusalsOf } from './ForceAdvice';
import { actionMessages } from './messages';
import { dialogMessages } from './dialogMessages';
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
    /** The Force button's label; actions without force have none. */
    force?: MessageDescriptor;
  }
> = {
  start: {
    title: dialogMessages.startTitle,
    explain: dialogMessages.startExplain,
    confirm: actionMessages.start,
    done: dialogMessages.startDone,
    force: dialogMessages.startForceButton,
  },
  stop: {
    title: dialogMessages.stopTitle,
    explain: dialogMessages.stopExplain,
    confirm: actionMessages.stop,
    done: dialogMessages.stopDone,
    force: dialogMessages.stopForceButton,
  },
  pause: {
    title: dialogMessages.pauseTitle,
    explain: dialogMessages.pauseExplain,
    confirm: actionMessages.pause,
    done: dialogMessages.pauseDone,
    force: dialogMessages.pauseForceButton,
  },
  resume: {
    title: dialogMessages.resumeTitle,
    explain: dialogMessages.resumeExplain,
    confirm: actionMessages.resume,
    done: dialogMessages.resumeDone,
    force: dialogMessages.resumeForceButton,
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
  const forceAction = action === 'checkpoint' ? null : action;
  /** Sessions whose last attempt had force. */
  const [forced, setForced] = useState<ReadonlySet<string>>(() => new Set());

  const send = (session: GeoRepSession, force: boolean): Promise<unknown> =>
    action === 'checkpoint'
      ? services.setCheckpoint(clusterId, session.id)
      : services.controlSession(clusterId, session.id, action, force);

  const execute = async (sessions: GeoRepSession[], force: boolean): Promise<void> => {
    if (force) setForced((prev) => new Set([...prev, ...sessions.map(sessionKey)]));
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
  const refusals = useMemo(
    () => (forceAction ? refusalsOf(forceAction, batch.results, forced) : []),
    [forceAction, batch.results, forced],
  );
  const forceable = refusals.filter((r) => r.forceMayHelp).map((r) => r.item);
  const hasRun = batch.results.length > 0;
  const canForce = Boolean(text.force) && forceable.length > 0;
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
          <BatchProgress batch={batch} forced={forced} />
          {forceAction && !batch.running ? (
            <ForceAdvice action={forceAction} refusals={refusals} />
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {canForce && text.force ? (
          <Button
            variant="danger"
            isLoading={batch.running}
            isDisabled={batch.running}
            onClick={() => void execute(forceable, true)}
          >
            {intl.formatMessage(text.force)}
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

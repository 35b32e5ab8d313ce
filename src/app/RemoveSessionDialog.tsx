// Remove one or many sessions (Stopped or Created only), optionally resetting the sync time.
import {
  Button,
  Checkbox,
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
import { useIntl } from '../intl/react';
import type { GeoRepSession } from '../georep/types';
import { useServices } from './environment';
import { ForceAdvice, refusalsOf } from './ForceAdvice';
import { actionMessages } from './messages';
import { dialogMessages } from './dialogMessages';
import { queryKeys } from './queries';
import { sessionKey, sessionName } from './sessionName';
import { BatchProgress, SessionTargets, SkippedSessions } from './SessionTargets';
import { useNotify } from './Toasts';
import { useBatchAction } from './useBatchAction';

const PROVISIONED_PREFIX = 'georep-';
const NONE_FORCED: ReadonlySet<string> = new Set();

export interface RemoveSessionDialogProps {
  clusterId: string;
  targets: GeoRepSession[];
  skipped?: GeoRepSession[];
  onClose: () => void;
}

export function RemoveSessionDialog({
  clusterId,
  targets,
  skipped = [],
  onClose,
}: RemoveSessionDialogProps) {
  const intl = useIntl();
  const services = useServices();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const batch = useBatchAction(sessionKey);
  const [resetSyncTime, setResetSyncTime] = useState(false);
  const [removeVolume, setRemoveVolume] = useState(false);
  const titleId = useId();
  const checkboxId = useId();
  const volumeCheckboxId = useId();
  // Volumes the service provisions on a directory are named georep-<path>: offer their removal
  // there (the service itself checks its marker on the volume before deleting anything).
  const mayHaveProvisioned = targets.some((t) => t.secondary_volume.startsWith(PROVISIONED_PREFIX));

  const failed = batch.results.filter((r) => !r.ok);
  const retryable = failed.map((r) => r.item);
  const hasRun = batch.results.length > 0;
  // Removal has no force: refusals only say what to do (e.g. a node of the volume is down).
  const refusals = useMemo(() => refusalsOf('delete', batch.results, NONE_FORCED), [batch.results]);

  const execute = async (sessions: GeoRepSession[]): Promise<void> => {
    const results = await batch.run(
      sessions,
      (s) =>
        services.removeSession(
          clusterId,
          s.id,
          resetSyncTime,
          removeVolume && s.secondary_volume.startsWith(PROVISIONED_PREFIX),
        ),
      () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) }),
    );
    if (!results) return;
    if (results.every((r) => r.ok)) {
      notify(
        'success',
        intl.formatMessage(dialogMessages.removeDone, {
          count: targets.length,
          name: targets[0] ? sessionName(intl, targets[0]) : '',
        }),
      );
      onClose();
    }
  };
  const close = () => {
    if (!batch.running) onClose();
  };
  const title = intl.formatMessage(dialogMessages.removeTitle, { count: targets.length });

  return (
    <Modal isOpen variant="medium" onClose={close} aria-labelledby={titleId}>
      <ModalHeader title={title} labelId={titleId} titleIconVariant="warning" />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <Content component="p">{intl.formatMessage(dialogMessages.removeExplain)}</Content>
          </StackItem>
          <StackItem>
            <Content component="p">
              {intl.formatMessage(dialogMessages.targets, { count: targets.length })}
            </Content>
            <SessionTargets sessions={targets} ariaLabel={title} />
          </StackItem>
          <SkippedSessions sessions={skipped} />
          <StackItem>
            <Checkbox
              id={checkboxId}
              label={intl.formatMessage(dialogMessages.resetSyncTime)}
              description={intl.formatMessage(dialogMessages.resetSyncTimeHelp)}
              isChecked={resetSyncTime}
              isDisabled={batch.running}
              onChange={(_e, checked) => setResetSyncTime(checked)}
            />
          </StackItem>
          {mayHaveProvisioned ? (
            <StackItem>
              <Checkbox
                id={volumeCheckboxId}
                label={intl.formatMessage(dialogMessages.removeProvisioned)}
                description={intl.formatMessage(dialogMessages.removeProvisionedHelp)}
                isChecked={removeVolume}
                isDisabled={batch.running}
                onChange={(_e, checked) => setRemoveVolume(checked)}
              />
            </StackItem>
          ) : null}
          <BatchProgress batch={batch} />
          {batch.running ? null : <ForceAdvice action="delete" refusals={refusals} />}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          isLoading={batch.running}
          isDisabled={batch.running}
          onClick={() => void execute(hasRun ? retryable : targets)}
        >
          {intl.formatMessage(actionMessages.remove)}
        </Button>
        <Button variant="link" onClick={close} isDisabled={batch.running}>
          {intl.formatMessage(hasRun ? dialogMessages.close : dialogMessages.cancel)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

// Sync a storage domain now: says what it will do, starts the service's job and follows it.
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
import { useId, useState } from 'react';
import { useIntl } from '../../intl/react';
import type { DrDomainView } from '../../georep/dr';
import type { GeoRepJob } from '../../georep/types';
import { useServices } from '../environment';
import { asApiError } from '../queries';
import { JobSteps, useJob } from './JobSteps';
import { drMessages as m } from './messages';

export function SyncNowDialog(props: {
  clusterId: string;
  domain: DrDomainView;
  onClose: () => void;
}) {
  const { clusterId, domain, onClose } = props;
  const intl = useIntl();
  const dr = useServices().dr!;
  const qc = useQueryClient();
  const titleId = useId();
  const [started, setStarted] = useState<GeoRepJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(clusterId, started);
  const schedule = domain.setup!.schedule;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setStarted(await dr.runSync(clusterId, domain.primary_volume));
    } catch (err) {
      const e = asApiError(err);
      setError(e.detail || e.reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby={titleId}>
      <ModalHeader
        title={intl.formatMessage(m.syncTitle, { name: domain.storage_domain_name })}
        labelId={titleId}
      />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <Content component="p">
              {intl.formatMessage(m.syncExplain, {
                name: domain.storage_domain_name,
                minutes: schedule.max_wait_minutes,
                after: schedule.after,
              })}
            </Content>
          </StackItem>
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
                job={job}
                onEnd={() => void qc.invalidateQueries({ queryKey: ['georep', 'dr', clusterId] })}
              />
            </StackItem>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        {started ? null : (
          <Button variant="primary" isLoading={busy} isDisabled={busy} onClick={() => void start()}>
            {intl.formatMessage(m.start)}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {intl.formatMessage(started ? m.close : m.cancel)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

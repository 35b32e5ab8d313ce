// The Start dialog's Primary section: the volume, the Up host the session is started from, and that
// host's SSH key as the secondary will see it.
import {
  Button,
  FormGroup,
  FormHelperText,
  FormSection,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Spinner,
  TextInput,
} from '@patternfly/react-core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useIntl } from '../../intl/react';
import type { EngineGlusterVolume, EngineHost } from '../../api/engine';
import { reasonOf, type SectionProps } from './fieldKit';
import { hostKeyFile, startMessages as m } from './messages';
import type { SshHostKey } from './services';

export interface SourceSectionProps extends SectionProps {
  clusterName: string;
  volumes: UseQueryResult<EngineGlusterVolume[]>;
  /** The volumes offered (with the preselected one while the list loads). */
  volumeOptions: { name: string; status: string }[];
  hosts: UseQueryResult<EngineHost[]>;
  allHosts: EngineHost[];
  upHosts: EngineHost[];
  /** The chosen Up host. */
  host: EngineHost | undefined;
  hostKey: UseQueryResult<SshHostKey>;
}

export function SourceSection({
  kit,
  effective,
  locked,
  update,
  clusterName,
  volumes,
  volumeOptions,
  hosts,
  allHosts,
  upHosts,
  host,
  hostKey,
}: SourceSectionProps) {
  const intl = useIntl();
  const { fieldId, helpId, aria, help } = kit;
  const hostName = host?.name ?? '';
  return (
    <FormSection title={intl.formatMessage(m.sourceSection)} titleElement="h2">
      <FormGroup label={intl.formatMessage(m.volume)} isRequired fieldId={fieldId('volume')}>
        <FormSelect
          {...aria('volume')}
          value={effective.volume}
          isRequired
          isDisabled={locked}
          onChange={(_e, v) => update({ volume: v })}
        >
          <FormSelectOption value="" label={intl.formatMessage(m.volumeChoose)} isPlaceholder />
          {volumeOptions.map((v) => (
            <FormSelectOption
              key={v.name}
              value={v.name}
              label={intl.formatMessage(m.volumeOption, { name: v.name, status: v.status })}
            />
          ))}
        </FormSelect>
        {help(
          'volume',
          volumes.isPending
            ? intl.formatMessage(m.volumesLoading)
            : volumes.data && volumes.data.length === 0
              ? intl.formatMessage(m.noVolumes, { cluster: clusterName })
              : null,
          volumes.error ? (
            <HelperTextItem variant="error">
              {intl.formatMessage(m.volumesFailed, {
                cluster: clusterName,
                reason: reasonOf(volumes.error),
              })}
            </HelperTextItem>
          ) : null,
        )}
      </FormGroup>

      <FormGroup label={intl.formatMessage(m.host)} isRequired fieldId={fieldId('hostId')}>
        <FormSelect
          {...aria('hostId')}
          value={effective.hostId}
          isRequired
          isDisabled={locked || upHosts.length === 0}
          onChange={(_e, v) => update({ hostId: v })}
        >
          <FormSelectOption value="" label={intl.formatMessage(m.hostChoose)} isPlaceholder />
          {upHosts.map((h) => (
            <FormSelectOption
              key={h.id}
              value={h.id}
              label={intl.formatMessage(m.hostOption, { name: h.name, address: h.address })}
            />
          ))}
        </FormSelect>
        {help(
          'hostId',
          hosts.isPending
            ? intl.formatMessage(m.hostsLoading)
            : intl.formatMessage(m.hostHelp, { cluster: clusterName }),
          hosts.error ? (
            <HelperTextItem variant="error">
              {intl.formatMessage(m.hostsFailed, {
                cluster: clusterName,
                reason: reasonOf(hosts.error),
              })}
            </HelperTextItem>
          ) : hosts.data && upHosts.length === 0 ? (
            <HelperTextItem variant="error">
              {intl.formatMessage(m.noUpHost, {
                cluster: clusterName,
                count: allHosts.length,
              })}
            </HelperTextItem>
          ) : null,
        )}
      </FormGroup>

      {host ? (
        <FormGroup
          label={intl.formatMessage(m.fingerprint, { host: hostName })}
          fieldId={fieldId('fingerprint')}
        >
          {hostKey.data ? (
            <TextInput
              id={fieldId('fingerprint')}
              readOnlyVariant="default"
              value={intl.formatMessage(m.fingerprintValue, {
                fingerprint: hostKey.data.fingerprint,
                algorithm: hostKey.data.algorithm,
              })}
              aria-describedby={helpId('fingerprint')}
              className="georep-name"
            />
          ) : null}
          <FormHelperText>
            <HelperText id={helpId('fingerprint')} aria-live="polite">
              {hostKey.isFetching ? (
                <HelperTextItem icon={<Spinner size="sm" aria-hidden />}>
                  {intl.formatMessage(m.fingerprintLoading, { host: hostName })}
                </HelperTextItem>
              ) : hostKey.error ? (
                <HelperTextItem variant="error">
                  {intl.formatMessage(m.fingerprintFailed, {
                    host: hostName,
                    reason: reasonOf(hostKey.error),
                  })}
                </HelperTextItem>
              ) : hostKey.data ? (
                <HelperTextItem>
                  {intl.formatMessage(m.fingerprintHelp, {
                    file: hostKeyFile(hostKey.data.algorithm),
                    host: hostName,
                  })}
                </HelperTextItem>
              ) : null}
            </HelperText>
          </FormHelperText>
          {hostKey.error && !hostKey.isFetching ? (
            <Button variant="link" isInline onClick={() => void hostKey.refetch()}>
              {intl.formatMessage(m.fingerprintRetry)}
            </Button>
          ) : null}
        </FormGroup>
      ) : null}
    </FormSection>
  );
}

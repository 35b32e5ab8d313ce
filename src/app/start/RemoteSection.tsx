// The Start dialog's remote section: the remote host (suggested from the other Gluster clusters),
// the remote volume or a directory (said as understood), the user, group and port.
import {
  FormGroup,
  FormHelperText,
  FormSection,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { EngineGlusterVolume } from '../../api/engine';
import { provisionedVolumeName } from '../../georep/validation';
import type { SectionProps } from './fieldKit';
import { remoteTargetOf } from './form';
import { startMessages as m } from './messages';
import type { RemoteHostSuggestion } from './services';

export interface RemoteSectionProps extends SectionProps {
  suggestions: UseQueryResult<RemoteHostSuggestion[]>;
  /** The suggestion the remote host field names, if any. */
  knownRemote: RemoteHostSuggestion | undefined;
  /** The volumes of knownRemote's cluster. */
  remoteVolumes: UseQueryResult<EngineGlusterVolume[]>;
}

export function RemoteSection({
  kit,
  form,
  effective,
  locked,
  update,
  suggestions,
  knownRemote,
  remoteVolumes,
}: RemoteSectionProps) {
  const intl = useIntl();
  const { ids, fieldId, helpId, aria, help } = kit;
  const target = remoteTargetOf(effective);
  const targetUnderstood =
    target.kind === 'volume'
      ? intl.formatMessage(m.remoteTargetVolume, { volume: target.volume })
      : target.kind === 'path'
        ? intl.formatMessage(m.remoteTargetPath, { path: target.path })
        : null;
  const targetError = kit.error('remoteTarget');
  return (
    <FormSection title={intl.formatMessage(m.remoteSection)} titleElement="h2">
      <FormGroup
        label={intl.formatMessage(m.remoteHost)}
        isRequired
        fieldId={fieldId('remoteHost')}
      >
        <TextInput
          {...aria('remoteHost')}
          value={form.remoteHost}
          isRequired
          isDisabled={locked}
          autoComplete="off"
          spellCheck={false}
          list={`${ids}-remote-hosts`}
          onChange={(_e, v) => update({ remoteHost: v })}
        />
        <datalist id={`${ids}-remote-hosts`} data-testid="remote-host-suggestions">
          {(suggestions.data ?? []).map((s) => (
            <option
              key={`${s.clusterId}-${s.address}`}
              value={s.address}
              label={intl.formatMessage(m.remoteHostSuggestion, {
                name: s.name,
                cluster: s.clusterName,
              })}
            />
          ))}
        </datalist>
        {help(
          'remoteHost',
          knownRemote
            ? intl.formatMessage(m.remoteHostKnown, {
                name: knownRemote.name,
                cluster: knownRemote.clusterName,
                status: knownRemote.status,
              })
            : intl.formatMessage(m.remoteHostHelp),
        )}
      </FormGroup>

      <FormGroup
        label={intl.formatMessage(m.remoteTarget)}
        isRequired
        fieldId={fieldId('remoteTarget')}
      >
        <TextInput
          {...aria('remoteTarget')}
          value={form.remoteTarget}
          isRequired
          isDisabled={locked}
          autoComplete="off"
          spellCheck={false}
          list={`${ids}-remote-volumes`}
          onChange={(_e, v) => update({ remoteTarget: v })}
        />
        <datalist id={`${ids}-remote-volumes`}>
          {(knownRemote ? (remoteVolumes.data ?? []) : []).map((v) => (
            <option key={v.id} value={v.name} />
          ))}
        </datalist>
        <FormHelperText>
          <HelperText id={helpId('remoteTarget')} aria-live="polite">
            {targetUnderstood ? (
              <HelperTextItem variant={target.kind === 'volume' ? 'success' : 'indeterminate'}>
                <span data-testid="remote-target-understood">{targetUnderstood}</span>
              </HelperTextItem>
            ) : null}
            {targetError ? (
              <HelperTextItem variant="error">{targetError}</HelperTextItem>
            ) : target.kind === 'path' ? (
              <HelperTextItem>
                {intl.formatMessage(m.remoteTargetPathVolume, {
                  volume: provisionedVolumeName(target.path),
                })}
              </HelperTextItem>
            ) : !targetUnderstood ? (
              <HelperTextItem>{intl.formatMessage(m.remoteTargetHelp)}</HelperTextItem>
            ) : null}
          </HelperText>
        </FormHelperText>
      </FormGroup>

      <FormGroup label={intl.formatMessage(m.user)} isRequired fieldId={fieldId('user')}>
        <TextInput
          {...aria('user')}
          value={form.user}
          isRequired
          isDisabled={locked}
          autoComplete="off"
          spellCheck={false}
          onChange={(_e, v) => update({ user: v })}
        />
        {help('user', intl.formatMessage(m.userHelp))}
      </FormGroup>

      {effective.user.trim() !== 'root' ? (
        <FormGroup label={intl.formatMessage(m.group)} isRequired fieldId={fieldId('group')}>
          <TextInput
            {...aria('group')}
            value={form.group}
            isRequired
            isDisabled={locked}
            autoComplete="off"
            spellCheck={false}
            onChange={(_e, v) => update({ group: v })}
          />
          {help('group', intl.formatMessage(m.groupHelp, { user: effective.user.trim() }))}
        </FormGroup>
      ) : null}

      <FormGroup label={intl.formatMessage(m.port)} isRequired fieldId={fieldId('port')}>
        <TextInput
          {...aria('port')}
          value={form.port}
          isRequired
          isDisabled={locked}
          inputMode="numeric"
          autoComplete="off"
          onChange={(_e, v) => update({ port: v })}
        />
        {help('port', intl.formatMessage(m.portHelp))}
      </FormGroup>
    </FormSection>
  );
}

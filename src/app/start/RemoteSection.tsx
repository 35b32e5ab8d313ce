// The Start dialog's Secondary section: the secondary host (suggested from the other Gluster
// clusters), the secondary volume or a directory (said as understood), the user, group and port.
import {
  FormGroup,
  FormHelperText,
  FormSection,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useIntl } from '../../intl/react';
import type { EngineGlusterVolume } from '../../api/engine';
import { provisionedVolumeName } from '../../georep/validation';
import { reasonOf, type SectionProps } from './fieldKit';
import { remoteTargetOf } from './form';
import { startMessages as m } from './messages';
import type { RemoteVolumeChoice } from './remoteEligibility';
import type { RemoteHostSuggestion } from './services';

export interface RemoteSectionProps extends SectionProps {
  suggestions: UseQueryResult<RemoteHostSuggestion[]>;
  /** The suggestion the remote host field names, if any. */
  knownRemote: RemoteHostSuggestion | undefined;
  /** The volumes of knownRemote's cluster. */
  remoteVolumes: UseQueryResult<EngineGlusterVolume[]>;
  /** Those volumes with their eligibility (null until read). */
  remoteChoices: RemoteVolumeChoice[] | null;
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
  remoteChoices,
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
  // The listed volume the field names (chosen in the list or typed), if any.
  const chosen =
    target.kind === 'volume' ? remoteChoices?.find((c) => c.name === target.volume) : undefined;
  const reasonsText = (c: RemoteVolumeChoice): string =>
    c.reasons
      .map((r) =>
        r.kind === 'not_up'
          ? intl.formatMessage(m.remoteVolumeNotUp, { status: r.status })
          : intl.formatMessage(m.remoteVolumeInSession, { session: r.session }),
      )
      .join('; ');
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

      {knownRemote ? (
        <FormGroup
          label={intl.formatMessage(m.remoteVolumes, { cluster: knownRemote.clusterName })}
          fieldId={`${ids}-remote-volume-choice`}
        >
          <FormSelect
            id={`${ids}-remote-volume-choice`}
            aria-describedby={`${ids}-remote-volume-choice-help`}
            value={chosen?.name ?? ''}
            isDisabled={locked || !remoteChoices}
            onChange={(_e, v) => update({ remoteTarget: v })}
          >
            <FormSelectOption value="" label={intl.formatMessage(m.remoteVolumesChoose)} />
            {(remoteChoices ?? []).map((c) => (
              <FormSelectOption
                key={c.name}
                value={c.name}
                label={
                  c.reasons.length === 0
                    ? intl.formatMessage(m.remoteVolumeEligible, { name: c.name })
                    : intl.formatMessage(m.remoteVolumeIneligible, {
                        name: c.name,
                        reasons: reasonsText(c),
                      })
                }
              />
            ))}
          </FormSelect>
          <FormHelperText>
            <HelperText id={`${ids}-remote-volume-choice-help`}>
              {remoteVolumes.isPending ? (
                <HelperTextItem>
                  {intl.formatMessage(m.remoteVolumesLoading, { cluster: knownRemote.clusterName })}
                </HelperTextItem>
              ) : remoteVolumes.error ? (
                <HelperTextItem variant="error">
                  {intl.formatMessage(m.remoteVolumesFailed, {
                    cluster: knownRemote.clusterName,
                    reason: reasonOf(remoteVolumes.error),
                  })}
                </HelperTextItem>
              ) : remoteChoices ? (
                <HelperTextItem>
                  {intl.formatMessage(m.remoteVolumesHelp, {
                    eligible: remoteChoices.filter((c) => c.reasons.length === 0).length,
                    total: remoteChoices.length,
                  })}
                </HelperTextItem>
              ) : null}
            </HelperText>
          </FormHelperText>
        </FormGroup>
      ) : null}

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
            {chosen && chosen.reasons.length > 0 && !targetError ? (
              <HelperTextItem variant="warning">
                <span data-testid="remote-target-ineligible">
                  {intl.formatMessage(m.remoteTargetIneligible, {
                    name: chosen.name,
                    reasons: reasonsText(chosen),
                  })}
                </span>
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

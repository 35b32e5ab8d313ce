// The Start dialog (the feature page's "Start a new Geo-Replication Session"): source volume, the
// Up host to start from (with its SSH fingerprint), the remote host (suggested from the other
// Gluster clusters), the remote volume (or a path, said as such), user/group/port, Use Default or
// an options editor, the preflight checks with Force, then the steps of OK as they run. When
// passwordless SSH does not work, the Passwordless SSH dialog takes over and the flow continues
// where it stopped once it works.
import {
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ProgressStep,
  ProgressStepper,
  Spinner,
  TextInput,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type MessageDescriptor, useIntl } from 'react-intl';
import type { EngineHost } from '../../api/engine';
import type { GeoRepSession } from '../../georep/types';
import { InProgressIcon } from '../icons';
import { asApiError } from '../queries';
import { provisionedVolumeName } from '../../georep/validation';
import {
  type FieldName,
  hasProblems,
  initialForm,
  type Problem,
  remoteTargetOf,
  type StartForm,
  toStartInput,
  validateForm,
} from './form';
import { hostKeyFile, startMessages as m } from './messages';
import { OptionsEditor } from './OptionsEditor';
import { PasswordlessSshDialog } from './PasswordlessSshDialog';
import { NonRootSteps } from './NonRootSteps';
import { PreflightResults } from './PreflightResults';
import type { StartServices } from './services';
import {
  assessPreflight,
  type FlowOutcome,
  type FlowState,
  inputSignature,
  type StepId,
  type StepState,
  useStartFlow,
} from './useStartFlow';

export interface StartSessionDialogProps {
  clusterId: string;
  clusterName: string;
  /** Preselected source volume (e.g. from the Volumes list's intent). */
  initialVolume?: string;
  services: StartServices;
  onClose: () => void;
  /** A session now exists (or may: the service did not answer in time). Refresh the table. */
  onCreated: (session: GeoRepSession | null) => void;
}

const STEP_TITLE: Record<StepId, MessageDescriptor> = {
  check: m.stepCheck,
  verify: m.stepVerify,
  create: m.stepCreate,
  config: m.stepConfig,
  start: m.stepStart,
};
const STATUS_TEXT = {
  pending: m.stepPending,
  running: m.stepRunning,
  done: m.stepDone,
  failed: m.stepFailed,
  skipped: m.stepSkipped,
} as const;
const STEP_VARIANT = {
  pending: 'pending',
  running: 'info',
  done: 'success',
  failed: 'danger',
  skipped: 'default',
} as const;

const FIELD_ORDER: FieldName[] = [
  'volume',
  'hostId',
  'remoteHost',
  'remoteTarget',
  'user',
  'group',
  'port',
];

/** The step's title; the create step says it provisions a volume first for a directory. */
const stepTitle = (id: StepId, state: FlowState): MessageDescriptor =>
  id === 'create' && state.lastInput?.remotePath
    ? m.stepCreatePath
    : id === 'create' && state.lastInput && state.lastInput.user !== 'root'
      ? m.stepCreateNonRoot
      : STEP_TITLE[id];

/** The values step titles may use (the non-root user of the create step). */
const stepValues = (state: FlowState): Record<string, string> => ({
  user: state.lastInput?.user ?? '',
});

const sessionExists = (o: FlowOutcome): boolean =>
  o.kind === 'done' || o.kind === 'created_not_started' || o.kind === 'unknown';

export function StartSessionDialog({
  clusterId,
  clusterName,
  initialVolume,
  services,
  onClose,
  onCreated,
}: StartSessionDialogProps) {
  const intl = useIntl();
  const ids = useId();
  const fieldId = (f: FieldName | 'fingerprint' | 'useDefault' | 'force') => `${ids}-${f}`;
  const helpId = (f: FieldName | 'fingerprint') => `${ids}-${f}-help`;

  const [form, setForm] = useState<StartForm>(() => initialForm(initialVolume ?? ''));
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const { state, run, check, continueAfterSsh, abandonSsh } = useStartFlow(services);

  const volumes = useQuery({
    queryKey: ['georep', 'start', 'volumes', clusterId],
    queryFn: () => services.listClusterVolumes(clusterId),
  });
  const hosts = useQuery({
    queryKey: ['georep', 'start', 'hosts', clusterName],
    queryFn: () => services.listClusterHosts(clusterName),
  });
  const suggestions = useQuery({
    queryKey: ['georep', 'start', 'remoteHosts', clusterId],
    queryFn: () => services.listRemoteHosts(clusterId),
  });

  const allHosts = useMemo(() => hosts.data ?? [], [hosts.data]);
  const upHosts = useMemo(() => allHosts.filter((h) => h.status === 'up'), [allHosts]);
  // One Up host: it is the choice. Derived, so the fingerprint is read at once.
  const effective: StartForm = useMemo(
    () => ({ ...form, hostId: form.hostId || (upHosts.length === 1 ? upHosts[0]!.id : '') }),
    [form, upHosts],
  );
  const host: EngineHost | undefined = upHosts.find((h) => h.id === effective.hostId);

  const hostKey = useQuery({
    queryKey: ['georep', 'start', 'hostKey', clusterId, host?.id ?? ''],
    queryFn: () => services.getHostKey(clusterId, host!.id),
    enabled: host !== undefined,
    retry: false,
  });

  const remoteHostText = effective.remoteHost.trim().toLowerCase();
  const knownRemote = (suggestions.data ?? []).find(
    (s) => s.address.toLowerCase() === remoteHostText || s.name.toLowerCase() === remoteHostText,
  );
  const remoteVolumes = useQuery({
    queryKey: ['georep', 'start', 'volumes', knownRemote?.clusterId ?? ''],
    queryFn: () => services.listClusterVolumes(knownRemote!.clusterId),
    enabled: knownRemote !== undefined,
  });

  const problems = useMemo(() => {
    const p = validateForm(effective, { clusterName, ownHosts: allHosts });
    if (
      !p.fields.volume &&
      volumes.data &&
      !volumes.data.some((v) => v.name === effective.volume)
    ) {
      p.fields.volume = { message: m.volumeRequired, values: { cluster: clusterName } };
    }
    return p;
  }, [effective, clusterName, allHosts, volumes.data]);

  // After OK, the steps and then the outcome are brought into view and focused: the form above
  // is long, and the result must not be below the fold.
  const progressRef = useRef<HTMLDivElement>(null);
  const runKey = `${state.steps.length > 0}:${state.outcome.kind}`;
  useEffect(() => {
    const el = progressRef.current;
    if (!el || state.steps.length === 0) return;
    el.scrollIntoView?.({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [runKey, state.steps.length]);

  const exists = sessionExists(state.outcome);
  const locked = state.running || exists;
  const sshOpen = state.outcome.kind === 'needs_ssh' && !state.running;
  const target = remoteTargetOf(effective);
  const input = host && !hasProblems(problems) ? toStartInput(effective, clusterId, host) : null;
  const stale =
    state.preflight !== null && (input === null || state.preflightFor !== inputSignature(input));

  const update = (patch: Partial<StartForm>) =>
    setForm((f) => {
      const next = { ...f, ...patch };
      // Force applies to the checks the user saw: any other change takes it back.
      if (!('force' in patch)) next.force = false;
      return next;
    });
  const touch = (f: FieldName) => {
    if (!touched.has(f)) setTouched((t) => new Set(t).add(f));
  };

  const report = (final: FlowState | null) => {
    if (!final) return;
    const o = final.outcome;
    if (o.kind === 'done') onCreated(o.session);
    else if (o.kind === 'created_not_started') onCreated(o.session);
    else if (o.kind === 'unknown') onCreated(null);
  };

  const firstInvalid = (): string | null => {
    const f = FIELD_ORDER.find((k) => problems.fields[k]);
    return f ? fieldId(f) : null;
  };

  /** Validates, then gives the flow's input; focuses the first field to fix otherwise. */
  const ready = () => {
    setSubmitted(true);
    if (!input) {
      const id = firstInvalid();
      if (id) document.getElementById(id)?.focus();
      return null;
    }
    return input;
  };

  const onOk = async () => {
    if (locked) return;
    const i = ready();
    if (i) report(await run(i));
  };
  const onCheck = async () => {
    if (locked) return;
    const i = ready();
    if (i) await check(i);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onOk();
  };
  // Enter in a text field is OK, also where the browser would take it for a datalist suggestion
  // (the remote host and volume fields offer some) and not submit.
  const submitOnEnter = (e: KeyboardEvent<HTMLFormElement>) => {
    const t = e.target;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(t instanceof HTMLInputElement)) return;
    if (t.type === 'checkbox' || t.type === 'radio') return;
    e.preventDefault();
    void onOk();
  };
  const close = () => {
    if (!state.running) onClose();
  };

  const show = (f: FieldName): Problem | undefined =>
    submitted || touched.has(f) ? problems.fields[f] : undefined;
  const text = (p: Problem | undefined): string | null =>
    p ? intl.formatMessage(p.message, p.values) : null;

  const help = (f: FieldName, normal: ReactNode, extra?: ReactNode) => {
    const error = text(show(f));
    return (
      <FormHelperText>
        <HelperText id={helpId(f)}>
          {error ? (
            <HelperTextItem variant="error">{error}</HelperTextItem>
          ) : normal ? (
            <HelperTextItem>{normal}</HelperTextItem>
          ) : null}
          {extra}
        </HelperText>
      </FormHelperText>
    );
  };
  const aria = (f: FieldName) => ({
    id: fieldId(f),
    'aria-describedby': helpId(f),
    'aria-invalid': show(f) ? true : undefined,
    validated: show(f) ? ('error' as const) : ('default' as const),
    onBlur: () => touch(f),
  });

  const volumeOptions = useMemo(() => {
    const list = (volumes.data ?? []).map((v) => ({ name: v.name, status: v.status ?? '?' }));
    if (!volumes.data && initialVolume) list.push({ name: initialVolume, status: '…' });
    return list;
  }, [volumes.data, initialVolume]);

  const hostName = host?.name ?? '';
  const targetUnderstood =
    target.kind === 'volume'
      ? intl.formatMessage(m.remoteTargetVolume, { volume: target.volume })
      : target.kind === 'path'
        ? intl.formatMessage(m.remoteTargetPath, { path: target.path })
        : null;

  const assessment = state.preflight ? assessPreflight(state.preflight) : null;
  const titlesOf = (cs: { title: string }[]) => cs.map((c) => c.title).join('; ');
  const forceDescription = !assessment
    ? intl.formatMessage(m.forceBeforeCheck)
    : [
        assessment.forceable.length > 0
          ? intl.formatMessage(m.forceBypasses, { titles: titlesOf(assessment.forceable) })
          : intl.formatMessage(m.forceNoneFailed, {
              titles: titlesOf(assessment.forceableAll) || '—',
            }),
        assessment.blockers.length > 0
          ? intl.formatMessage(m.forceNever, { titles: titlesOf(assessment.blockers) })
          : '',
      ]
        .filter(Boolean)
        .join(' ');

  const title = intl.formatMessage(m.title);
  const titleId = `${ids}-title`;

  return (
    <>
      <Modal
        isOpen={!sshOpen}
        variant="large"
        onClose={close}
        // The first field has the focus when the dialog opens (not the close button).
        elementToFocus={`#${fieldId('volume')}`}
        aria-labelledby={titleId}
        aria-describedby={`${ids}-subtitle`}
      >
        <ModalHeader
          title={title}
          labelId={titleId}
          descriptorId={`${ids}-subtitle`}
          description={intl.formatMessage(m.subtitle, { cluster: clusterName })}
        />
        <ModalBody>
          <Form id={`${ids}-form`} onSubmit={submit} onKeyDown={submitOnEnter} noValidate>
            <FormSection title={intl.formatMessage(m.sourceSection)} titleElement="h2">
              <FormGroup
                label={intl.formatMessage(m.volume)}
                isRequired
                fieldId={fieldId('volume')}
              >
                <FormSelect
                  {...aria('volume')}
                  value={effective.volume}
                  isRequired
                  isDisabled={locked}
                  onChange={(_e, v) => update({ volume: v })}
                >
                  <FormSelectOption
                    value=""
                    label={intl.formatMessage(m.volumeChoose)}
                    isPlaceholder
                  />
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
                  <FormSelectOption
                    value=""
                    label={intl.formatMessage(m.hostChoose)}
                    isPlaceholder
                  />
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
                      <HelperTextItem
                        variant={target.kind === 'volume' ? 'success' : 'indeterminate'}
                      >
                        <span data-testid="remote-target-understood">{targetUnderstood}</span>
                      </HelperTextItem>
                    ) : null}
                    {text(show('remoteTarget')) ? (
                      <HelperTextItem variant="error">{text(show('remoteTarget'))}</HelperTextItem>
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
                <FormGroup
                  label={intl.formatMessage(m.group)}
                  isRequired
                  fieldId={fieldId('group')}
                >
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

            <FormSection title={intl.formatMessage(m.configSection)} titleElement="h2">
              <Checkbox
                id={fieldId('useDefault')}
                label={intl.formatMessage(m.useDefault)}
                description={intl.formatMessage(m.useDefaultHelp)}
                isChecked={form.useDefault}
                isDisabled={locked}
                onChange={(_e, on) => update({ useDefault: on })}
              />
              {!form.useDefault ? (
                <>
                  <Alert
                    component="h3"
                    isInline
                    isPlain
                    variant="info"
                    title={intl.formatMessage(m.customConfigNote)}
                  />
                  <OptionsEditor
                    values={form.config}
                    problems={problems.config}
                    disabled={locked}
                    onChange={(name, value) =>
                      update({ config: { ...form.config, [name]: value } })
                    }
                  />
                </>
              ) : null}
            </FormSection>

            <FormSection title={intl.formatMessage(m.checksSection)} titleElement="h2">
              <Content component="p">{intl.formatMessage(m.checkHelp)}</Content>
              {state.checking ? (
                <Content component="p" role="status">
                  <Spinner size="sm" aria-hidden /> {intl.formatMessage(m.checking)}
                </Content>
              ) : null}
              {state.preflightError && !state.running ? (
                <Alert
                  component="h3"
                  isInline
                  variant="danger"
                  title={intl.formatMessage(m.checkFailed, { reason: state.preflightError })}
                />
              ) : null}
              {state.preflight ? (
                <PreflightResults
                  result={state.preflight}
                  stale={stale}
                  useDefault={form.useDefault}
                />
              ) : null}
              <Checkbox
                id={`${ids}-autostart`}
                label={intl.formatMessage(m.autoStart)}
                description={intl.formatMessage(m.autoStartHelp)}
                isChecked={form.autoStart}
                isDisabled={locked}
                onChange={(_e, on) => setForm((f) => ({ ...f, autoStart: on }))}
              />
              <Checkbox
                id={fieldId('force')}
                label={intl.formatMessage(m.force)}
                description={forceDescription}
                isChecked={form.force}
                isDisabled={locked}
                onChange={(_e, on) => update({ force: on })}
              />
            </FormSection>

            {state.steps.length > 0 ? (
              <div ref={progressRef} tabIndex={-1} data-testid="start-progress">
                <FormSection title={intl.formatMessage(m.progressSection)} titleElement="h2">
                  <Steps state={state} idBase={ids} />
                  <Outcome state={state} volume={effective.volume} />
                </FormSection>
              </div>
            ) : null}
            <LiveStatus state={state} />
          </Form>
        </ModalBody>
        <ModalFooter>
          <Button variant="primary" onClick={() => void onOk()} isDisabled={locked}>
            {intl.formatMessage(m.ok)}
          </Button>
          <Button variant="secondary" onClick={() => void onCheck()} isDisabled={locked}>
            {intl.formatMessage(m.check)}
          </Button>
          <Button variant="link" onClick={close} isDisabled={state.running}>
            {intl.formatMessage(exists ? m.close : m.cancel)}
          </Button>
          {submitted && hasProblems(problems) ? (
            <Content component="small" aria-live="polite">
              {intl.formatMessage(m.fixErrors)}
              {Object.keys(problems.config).length > 0
                ? ` ${intl.formatMessage(m.optionsInvalid, { count: Object.keys(problems.config).length })}`
                : ''}
            </Content>
          ) : null}
        </ModalFooter>
      </Modal>
      {sshOpen && host && state.outcome.kind === 'needs_ssh' ? (
        <PasswordlessSshDialog
          clusterId={clusterId}
          services={services}
          host={{ id: host.id, name: host.name, address: host.address }}
          remote={{
            user: effective.user.trim(),
            host: effective.remoteHost.trim(),
            port: Number(effective.port),
          }}
          failure={state.outcome.verify}
          onClose={abandonSsh}
          onResolved={(how) => void continueAfterSsh(how).then(report)}
        />
      ) : null}
    </>
  );
}

function reasonOf(error: unknown): string {
  const e = asApiError(error);
  return e.detail || e.reason;
}

function Steps({ state, idBase }: { state: FlowState; idBase: string }) {
  const intl = useIntl();
  const describe = (s: StepState): string | null => {
    if (s.id === 'check' && s.status === 'failed' && state.outcome.kind === 'blocked')
      return intl.formatMessage(m.stepCheckBlocked);
    if (s.id === 'verify' && s.status === 'skipped' && state.lastInput?.useDefault === false)
      return intl.formatMessage(m.stepVerifySkipped);
    if (s.id === 'config' && s.status === 'done') {
      const n = Object.keys(state.lastInput?.config ?? {}).length;
      return intl.formatMessage(m.stepConfigDone, { count: n });
    }
    if (s.id === 'config' && s.status === 'skipped') return intl.formatMessage(m.stepConfigSkipped);
    if (s.id === 'start' && s.status === 'skipped') return intl.formatMessage(m.stepStartNotRun);
    return s.detail;
  };
  return (
    <ProgressStepper isVertical aria-label={intl.formatMessage(m.progressSection)}>
      {state.steps.map((s) => {
        const title = intl.formatMessage(stepTitle(s.id, state), stepValues(state));
        const status = intl.formatMessage(STATUS_TEXT[s.status]);
        return (
          <ProgressStep
            key={s.id}
            id={`${idBase}-step-${s.id}`}
            titleId={`${idBase}-step-${s.id}-title`}
            data-step={s.id}
            data-status={s.status}
            variant={STEP_VARIANT[s.status]}
            isCurrent={s.status === 'running'}
            icon={s.status === 'running' ? <InProgressIcon /> : undefined}
            description={describe(s)}
          >
            {title}
            <span className="pf-v6-screen-reader">
              {' '}
              {intl.formatMessage(m.stepStatusSr, { status })}
            </span>
          </ProgressStep>
        );
      })}
    </ProgressStepper>
  );
}

function Outcome({ state, volume }: { state: FlowState; volume: string }) {
  const intl = useIntl();
  const o = state.outcome;
  switch (o.kind) {
    case 'blocked':
      return (
        <Alert
          component="h3"
          isInline
          variant="danger"
          title={intl.formatMessage(m.blocked)}
          data-testid="start-outcome"
        >
          {intl.formatMessage(o.blockers.length === 0 ? m.blockedForce : m.blockedFix)}
        </Alert>
      );
    case 'failed':
      return (
        <Alert
          component="h3"
          isInline
          variant="danger"
          title={intl.formatMessage(m.failedTitle, {
            step: intl.formatMessage(stepTitle(o.step, state), stepValues(state)),
          })}
          data-testid="start-outcome"
        >
          <Content component="p" className="georep-name">
            {o.reason}
          </Content>
          {o.step === 'verify' ? (
            <Content component="p">{intl.formatMessage(m.sshNotSetUp)}</Content>
          ) : null}
          {o.forceMayHelp ? (
            <Content component="p" data-testid="create-force-hint">
              {intl.formatMessage(m.createForceMayHelp)}
            </Content>
          ) : null}
        </Alert>
      );
    case 'created_not_started':
      return (
        <Alert
          component="h3"
          isInline
          variant="warning"
          title={intl.formatMessage(m.notCreatedTitle, { reason: o.reason })}
          data-testid="start-outcome"
        >
          {intl.formatMessage(
            o.step === 'config'
              ? m.notStartedWhenConfig
              : o.step === 'start'
                ? m.notStartedWhenStart
                : m.notStartedWhenListed,
          )}
        </Alert>
      );
    case 'unknown':
      return (
        <Alert
          component="h3"
          isInline
          variant="warning"
          title={intl.formatMessage(m.unknownTitle)}
          data-testid="start-outcome"
        >
          {intl.formatMessage(m.unknownBody, { reason: o.reason })}
        </Alert>
      );
    case 'done':
      return (
        <Alert
          component="h3"
          isInline
          variant="success"
          title={intl.formatMessage(o.started === false ? m.doneNotStartedTitle : m.doneTitle, {
            volume: o.session.primary_volume || volume,
            remote: `${o.session.secondary_host}::${o.session.secondary_volume}`,
          })}
          data-testid="start-outcome"
        >
          {o.session.provisioned_volume
            ? intl.formatMessage(m.doneProvisioned, {
                reused: String(o.session.provisioned_volume.reused),
                name: o.session.provisioned_volume.name,
                host: o.session.provisioned_volume.host,
                path: o.session.provisioned_volume.path,
              })
            : null}
          <NonRootSteps session={o.session} />
        </Alert>
      );
    default:
      return null;
  }
}

/** What a screen reader hears as the steps go: the running step, then the outcome. */
function LiveStatus({ state }: { state: FlowState }) {
  const intl = useIntl();
  let message = '';
  const running = state.steps.find((s) => s.status === 'running');
  if (running) {
    message = intl.formatMessage(m.live, {
      title: intl.formatMessage(stepTitle(running.id, state), stepValues(state)),
      status: intl.formatMessage(m.stepRunning),
    });
  } else {
    const o = state.outcome;
    if (o.kind === 'done')
      message = intl.formatMessage(o.started === false ? m.doneNotStartedTitle : m.doneTitle, {
        volume: o.session.primary_volume,
        remote: `${o.session.secondary_host}::${o.session.secondary_volume}`,
      });
    else if (o.kind === 'created_not_started')
      message = intl.formatMessage(m.notCreatedTitle, { reason: o.reason });
    else if (o.kind === 'failed')
      message = intl.formatMessage(m.failedTitle, {
        step: intl.formatMessage(stepTitle(o.step, state), stepValues(state)),
      });
    else if (o.kind === 'blocked') message = intl.formatMessage(m.blocked);
    else if (o.kind === 'unknown') message = intl.formatMessage(m.unknownTitle);
  }
  return (
    <div role="status" aria-live="polite" className="pf-v6-screen-reader" data-testid="start-live">
      {message}
    </div>
  );
}

// The Start dialog (the feature page's "Start a new Geo-Replication Session"): the primary volume,
// the Up host to start from (with its SSH fingerprint), the secondary host (suggested from the other
// Gluster clusters), the secondary volume (or a path, said as such), user/group/port, Use Default or
// an options editor, the preflight checks with Force, then the steps of OK as they run. When
// passwordless SSH does not work, the Passwordless SSH dialog takes over and the flow continues
// where it stopped once it works.
import {
  Button,
  Content,
  Form,
  FormSection,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import {
  type SubmitEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useIntl } from '../../intl/react';
import type { EngineHost } from '../../api/engine';
import type { GeoRepSession } from '../../georep/types';
import { ChecksSection } from './ChecksSection';
import { useFieldKit } from './fieldKit';
import {
  type FieldName,
  hasProblems,
  initialForm,
  type StartForm,
  toStartInput,
  validateForm,
} from './form';
import { startMessages as m } from './messages';
import { OptionsSection } from './OptionsSection';
import { PasswordlessSshDialog } from './PasswordlessSshDialog';
import { RemoteSection } from './RemoteSection';
import type { StartServices } from './services';
import { remoteVolumeChoices } from './remoteEligibility';
import { SourceSection } from './SourceSection';
import { queryKeys } from '../queries';
import { LiveStatus, Outcome, Steps } from './StartProgress';
import { type FlowOutcome, type FlowState, inputSignature, useStartFlow } from './useStartFlow';

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

const FIELD_ORDER: FieldName[] = [
  'volume',
  'hostId',
  'remoteHost',
  'remoteTarget',
  'user',
  'group',
  'port',
];

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

  // Eligibility of the remote cluster's volumes: the sessions of this cluster say which are taken.
  const sessions = useQuery({
    queryKey: queryKeys.sessions(clusterId),
    queryFn: () => services.listSessions(clusterId),
    enabled: knownRemote !== undefined,
  });
  const remoteClusterId = knownRemote?.clusterId;
  const remoteChoices = useMemo(() => {
    if (!remoteClusterId || !remoteVolumes.data) return null;
    const hosts = (suggestions.data ?? [])
      .filter((s) => s.clusterId === remoteClusterId)
      .flatMap((s) => [s.address, s.name]);
    return remoteVolumeChoices(remoteVolumes.data, hosts, sessions.data?.sessions ?? []);
  }, [remoteClusterId, remoteVolumes.data, suggestions.data, sessions.data]);

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
    // jsdom (the component tests) has no scrollIntoView.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    el.scrollIntoView?.({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [runKey, state.steps.length]);

  const exists = sessionExists(state.outcome);
  const locked = state.running || exists;
  const sshOpen = state.outcome.kind === 'needs_ssh' && !state.running;
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
  const kit = useFieldKit(ids, problems.fields, (f) => submitted || touched.has(f), touch);
  const { fieldId } = kit;

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
  const submit = (e: SubmitEvent) => {
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

  const volumeOptions = useMemo(() => {
    const list = (volumes.data ?? []).map((v) => ({ name: v.name, status: v.status ?? '?' }));
    if (!volumes.data && initialVolume) list.push({ name: initialVolume, status: '…' });
    return list;
  }, [volumes.data, initialVolume]);

  const section = { kit, form, effective, locked, update };
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
            <SourceSection
              {...section}
              clusterName={clusterName}
              volumes={volumes}
              volumeOptions={volumeOptions}
              hosts={hosts}
              allHosts={allHosts}
              upHosts={upHosts}
              host={host}
              hostKey={hostKey}
            />
            <RemoteSection
              {...section}
              suggestions={suggestions}
              knownRemote={knownRemote}
              remoteVolumes={remoteVolumes}
              remoteChoices={remoteChoices}
            />
            <OptionsSection {...section} problems={problems.config} />
            <ChecksSection
              {...section}
              state={state}
              stale={stale}
              setAutoStart={(on) => setForm((f) => ({ ...f, autoStart: on }))}
            />

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

// Passwordless SSH setup (the feature page's second dialog): root on a host of the cluster must log
// in to user@remote without a password. Two ways:
//   - a different private key on the host: verified at once and used once to install root's own
//     key of the host at the remote (POST .../ssh/setup-with-key), since Gluster's create logs in
//     with root's own keys only; a failure says the likely cause (no such file, permissions, key
//     refused) and the service's words;
//   - the secondary user's password: the secondary's key fingerprint is read from the host first
//     (.../ssh/remote-key) and must be confirmed before the password can be sent with it
//     (.../ssh/setup {confirmed_fingerprint}); a changed key is refused by the service before
//     anything is sent, and the new fingerprint is shown for a new comparison.
// The password lives only in this component's state: cleared after each attempt and gone when the
// dialog closes. Wrong passwords leave the dialog usable; a 429 says to wait.
import {
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  Spinner,
  TextInput,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { useIntl } from '../../intl/react';
import { ApiError } from '../../api/http';
import { asApiError } from '../queries';
import { useRevealWhen } from '../useRevealWhen';
import { hostKeyFile, sshMessages as m } from './messages';
import type { SshVerifyFailure } from '../../api/ssh';
import type { SshHostKey, SshVerifyResult, StartServices } from './services';
import type { SourceHost, SshResolution } from './useStartFlow';

export interface SshRemoteTarget {
  user: string;
  host: string;
  port: number;
}

export interface PasswordlessSshDialogProps {
  clusterId: string;
  services: Pick<StartServices, 'getRemoteKey' | 'setupSshWithKey' | 'setupSsh'>;
  /** The host of the cluster that must log in to the remote. */
  host: SourceHost;
  remote: SshRemoteTarget;
  /** The failed verification that opened the dialog, shown at the top. */
  failure?: SshVerifyResult | null;
  onClose: () => void;
  /** SSH works now: how (the Start flow verifies again after a password setup). */
  onResolved: (how: SshResolution) => void;
}

const FINGERPRINT = /SHA256:[A-Za-z0-9+/]{43}/g;

/** The service's key path rule, enough to catch typing mistakes before a round trip. */
function keyPathOk(path: string): boolean {
  if (!path.startsWith('/') && !path.startsWith('~/')) return false;
  const rest = path.startsWith('~/') ? path.slice(1) : path;
  return /^[A-Za-z0-9._+@=,/-]+$/.test(rest) && !rest.endsWith('/') && path.length <= 1024;
}

type KeyResult =
  | { kind: 'failed'; failure: SshVerifyFailure | undefined; detail: string }
  | { kind: 'error'; reason: string };

type PasswordResult =
  | { kind: 'wrong'; detail: string }
  | { kind: 'too_many'; detail: string }
  | { kind: 'key_changed'; detail: string; fingerprint: string | null }
  | { kind: 'failed'; detail: string };

export function PasswordlessSshDialog({
  clusterId,
  services,
  host,
  remote,
  failure,
  onClose,
  onResolved,
}: PasswordlessSshDialogProps) {
  const intl = useIntl();
  const ids = useId();
  const [method, setMethod] = useState<'key' | 'password'>('password');
  const [keyPath, setKeyPath] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [keyResult, setKeyResult] = useState<KeyResult | null>(null);
  const [password, setPassword] = useState('');
  /** The fingerprint the user confirmed: a key read again (e.g. on focus) is not confirmed. */
  const [confirmedKey, setConfirmedKey] = useState<string | null>(null);
  const [passwordResult, setPasswordResult] = useState<PasswordResult | null>(null);
  /** A fingerprint the service reported after refusing a changed key (replaces the one read). */
  const [changedKey, setChangedKey] = useState<string | null>(null);
  /** Refused for a changed key whose new fingerprint the service did not name: read it again. */
  const [mustReread, setMustReread] = useState(false);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const targetText =
    remote.port === 22
      ? intl.formatMessage(m.target, { user: remote.user, remote: remote.host })
      : intl.formatMessage(m.targetPort, {
          user: remote.user,
          remote: remote.host,
          port: remote.port,
        });

  const remoteKey = useQuery({
    queryKey: ['georep', 'start', 'remoteKey', clusterId, host.id, remote.host, remote.port],
    queryFn: () =>
      services.getRemoteKey(clusterId, host.id, { remote_host: remote.host, port: remote.port }),
    enabled: method === 'password',
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
  const shownKey: SshHostKey | null = changedKey
    ? { algorithm: remoteKey.data?.algorithm ?? '?', fingerprint: changedKey, public_key: null }
    : mustReread
      ? null
      : (remoteKey.data ?? null);
  const confirmed = shownKey !== null && confirmedKey === shownKey.fingerprint;

  const close = () => {
    if (busyRef.current) return;
    setPassword('');
    onClose();
  };

  const trimmedPath = keyPath.trim();
  const keyProblem = !trimmedPath
    ? intl.formatMessage(m.keyPathRequired, { host: host.name })
    : keyPathOk(trimmedPath)
      ? null
      : intl.formatMessage(m.keyPathInvalid);

  const verifyKey = async (): Promise<void> => {
    setKeyTouched(true);
    if (busyRef.current || keyProblem) return;
    busyRef.current = true;
    setBusy(true);
    setKeyResult(null);
    try {
      // Verified with the key, then root's own key is installed with it: Gluster's create
      // (gverify, push-pem) logs in with root's own keys only, so a key that merely verifies
      // would let the create fail later.
      const r = await services.setupSshWithKey(clusterId, host.id, {
        user: remote.user,
        remote_host: remote.host,
        port: remote.port,
        private_key_path: trimmedPath,
      });
      if (r.ok) {
        busyRef.current = false;
        onResolved({ kind: 'key', path: trimmedPath, detail: r.detail });
        return;
      }
      setKeyResult({ kind: 'failed', failure: r.failure, detail: r.detail });
    } catch (err) {
      const e = asApiError(err);
      setKeyResult({ kind: 'error', reason: e.detail || e.reason });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const canSend = !busy && confirmed && password.length > 0 && !remoteKey.isFetching;

  const sendPassword = async (): Promise<void> => {
    if (busyRef.current || !canSend) return;
    busyRef.current = true;
    setBusy(true);
    setPasswordResult(null);
    const sent = password;
    const confirmedFingerprint = shownKey.fingerprint;
    setPassword(''); // cleared after each attempt, whatever the answer
    try {
      const r = await services.setupSsh(clusterId, host.id, {
        user: remote.user,
        remote_host: remote.host,
        port: remote.port,
        password: sent,
        confirmed_fingerprint: confirmedFingerprint,
      });
      if (r.ok) {
        busyRef.current = false;
        onResolved({ kind: 'password', detail: r.detail });
        return;
      }
      if (r.failure === 'host_key_changed') keyChanged(r.detail, confirmedFingerprint);
      else if (r.failure === 'auth_failed') setPasswordResult({ kind: 'wrong', detail: r.detail });
      else setPasswordResult({ kind: 'failed', detail: r.detail });
    } catch (err) {
      const e = asApiError(err);
      if (e instanceof ApiError && e.status === 429) {
        setPasswordResult({ kind: 'too_many', detail: e.detail });
      } else if (e.reason === 'host_key_changed') {
        keyChanged(e.detail, confirmedFingerprint);
      } else {
        setPasswordResult({ kind: 'failed', detail: e.detail || e.reason });
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  /** Refused before anything was sent: show the key the remote presents now, ask again. */
  function keyChanged(detail: string, confirmedFingerprint: string): void {
    const seen = [...detail.matchAll(FINGERPRINT)].map((x) => x[0]);
    const fresh = seen.find((f) => f !== confirmedFingerprint) ?? null;
    setConfirmedKey(null);
    setChangedKey(fresh);
    setMustReread(fresh === null);
    setPasswordResult({ kind: 'key_changed', detail, fingerprint: fresh });
  }

  const readKeyAgain = () => {
    setChangedKey(null);
    setMustReread(false);
    setConfirmedKey(null);
    setPasswordResult(null);
    void remoteKey.refetch();
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (method === 'key') void verifyKey();
    else void sendPassword();
  };

  // A failure is shown under the form: in view with the focus (null while nothing or busy).
  const keyResultRef = useRevealWhen<HTMLDivElement>(keyResult && !busy ? 'key' : null);
  const passwordResultRef = useRevealWhen<HTMLDivElement>(
    passwordResult && !busy ? passwordResult.kind : null,
  );
  const titleId = `${ids}-title`;
  const keyInputId = `${ids}-key`;
  const keyHelpId = `${ids}-key-help`;
  const pwId = `${ids}-password`;
  const pwHelpId = `${ids}-password-help`;
  const keyInfoId = `${ids}-remote-key`;
  const showKeyProblem = keyTouched && keyProblem !== null;

  const cause = (f: SshVerifyFailure | undefined): string | null => {
    switch (f) {
      case 'no_such_key_file':
        return intl.formatMessage(m.causeNoFile, { host: host.name });
      case 'bad_key_permissions':
        return intl.formatMessage(m.causePermissions);
      case 'key_rejected':
      case 'auth_failed':
        return intl.formatMessage(m.causeRefused, { target: targetText });
      case 'refused':
      case 'unreachable':
      case 'timeout':
        return intl.formatMessage(m.causeNetwork, { host: host.name });
      case 'unknown_host_key':
      case 'host_key_changed':
        return intl.formatMessage(m.causeHostKey, { host: host.name });
      default:
        return null;
    }
  };

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={close}
      aria-labelledby={titleId}
      elementToFocus={`#${ids}-method-${method}`}
    >
      <ModalHeader
        title={intl.formatMessage(m.title)}
        labelId={titleId}
        description={intl.formatMessage(m.intro, {
          host: host.name,
          address: host.address,
          target: targetText,
        })}
      />
      <ModalBody>
        <Form id={`${ids}-form`} onSubmit={submit}>
          {failure && !failure.ok ? (
            <Alert
              component="h2"
              isInline
              isPlain
              variant="warning"
              title={intl.formatMessage(m.why, { detail: failure.detail })}
            />
          ) : null}
          <FormGroup
            role="radiogroup"
            isStack
            fieldId={`${ids}-method`}
            label={intl.formatMessage(m.method)}
          >
            <Radio
              id={`${ids}-method-key`}
              name={`${ids}-method`}
              label={intl.formatMessage(m.methodKey)}
              description={intl.formatMessage(m.methodKeyHelp, {
                host: host.name,
                target: targetText,
              })}
              isChecked={method === 'key'}
              isDisabled={busy}
              onChange={() => setMethod('key')}
            />
            <Radio
              id={`${ids}-method-password`}
              name={`${ids}-method`}
              label={intl.formatMessage(m.methodPassword)}
              description={intl.formatMessage(m.methodPasswordHelp, {
                host: host.name,
                target: targetText,
              })}
              isChecked={method === 'password'}
              isDisabled={busy}
              onChange={() => setMethod('password')}
            />
          </FormGroup>

          {method === 'key' ? (
            <>
              <FormGroup
                label={intl.formatMessage(m.keyPath, { host: host.name })}
                isRequired
                fieldId={keyInputId}
              >
                <TextInput
                  id={keyInputId}
                  value={keyPath}
                  isRequired
                  isDisabled={busy}
                  autoComplete="off"
                  spellCheck={false}
                  validated={showKeyProblem ? 'error' : 'default'}
                  aria-invalid={showKeyProblem}
                  aria-describedby={keyHelpId}
                  onBlur={() => setKeyTouched(true)}
                  onChange={(_e, v) => {
                    setKeyPath(v);
                    setKeyResult(null);
                  }}
                />
                <FormHelperText>
                  <HelperText id={keyHelpId}>
                    {showKeyProblem ? (
                      <HelperTextItem variant="error">{keyProblem}</HelperTextItem>
                    ) : (
                      <HelperTextItem>
                        {intl.formatMessage(m.keyPathHelp, { host: host.name })}
                      </HelperTextItem>
                    )}
                    <HelperTextItem>
                      {intl.formatMessage(m.keyUse, { host: host.name, target: targetText })}
                    </HelperTextItem>
                  </HelperText>
                </FormHelperText>
              </FormGroup>
              {keyResult ? (
                <div ref={keyResultRef} tabIndex={-1} data-testid="ssh-key-result">
                  <Alert
                    component="h2"
                    isInline
                    variant="danger"
                    title={intl.formatMessage(m.keyFailedTitle)}
                    role="alert"
                  >
                    {keyResult.kind === 'failed' ? (
                      <>
                        {cause(keyResult.failure) ? (
                          <Content component="p">{cause(keyResult.failure)}</Content>
                        ) : null}
                        <Content component="p">
                          {intl.formatMessage(m.serviceSaid, { detail: keyResult.detail })}
                        </Content>
                      </>
                    ) : (
                      <Content component="p">
                        {intl.formatMessage(m.requestFailed, { reason: keyResult.reason })}
                      </Content>
                    )}
                  </Alert>
                </div>
              ) : null}
            </>
          ) : (
            <>
              <FormGroup
                label={intl.formatMessage(m.remoteKey, { remote: remote.host, host: host.name })}
                fieldId={keyInfoId}
              >
                <div id={keyInfoId} aria-live="polite">
                  {remoteKey.isFetching ? (
                    <Content component="p">
                      <Spinner size="sm" aria-hidden />{' '}
                      {intl.formatMessage(m.remoteKeyLoading, {
                        remote: remote.host,
                        host: host.name,
                      })}
                    </Content>
                  ) : remoteKey.error && !changedKey ? (
                    <HelperText>
                      <HelperTextItem variant="error">
                        {intl.formatMessage(m.remoteKeyFailed, {
                          remote: remote.host,
                          host: host.name,
                          reason:
                            asApiError(remoteKey.error).detail ||
                            asApiError(remoteKey.error).reason,
                        })}
                      </HelperTextItem>
                    </HelperText>
                  ) : shownKey ? (
                    <>
                      <Content
                        component="p"
                        className="georep-name"
                        data-testid="remote-fingerprint"
                      >
                        {changedKey
                          ? changedKey
                          : intl.formatMessage(m.fingerprintValue, {
                              fingerprint: shownKey.fingerprint,
                              algorithm: shownKey.algorithm,
                            })}
                      </Content>
                      <HelperText>
                        <HelperTextItem>
                          {intl.formatMessage(m.remoteKeyHelp, {
                            file: hostKeyFile(shownKey.algorithm),
                            remote: remote.host,
                          })}
                        </HelperTextItem>
                      </HelperText>
                    </>
                  ) : null}
                </div>
                {!remoteKey.isFetching &&
                (remoteKey.error || passwordResult?.kind === 'key_changed') ? (
                  <Button variant="link" isInline onClick={readKeyAgain} isDisabled={busy}>
                    {intl.formatMessage(m.remoteKeyAgain)}
                  </Button>
                ) : null}
              </FormGroup>
              <Checkbox
                id={`${ids}-confirm`}
                label={intl.formatMessage(m.confirm)}
                isChecked={confirmed}
                isDisabled={busy || shownKey === null || remoteKey.isFetching}
                onChange={(_e, on) => setConfirmedKey(on && shownKey ? shownKey.fingerprint : null)}
              />
              <FormGroup
                label={intl.formatMessage(m.password, { target: targetText })}
                isRequired
                fieldId={pwId}
              >
                <TextInput
                  id={pwId}
                  type="password"
                  autoComplete="off"
                  value={password}
                  isRequired
                  isDisabled={busy}
                  aria-describedby={pwHelpId}
                  onChange={(_e, v) => setPassword(v)}
                />
                <FormHelperText>
                  <HelperText id={pwHelpId}>
                    <HelperTextItem>{intl.formatMessage(m.passwordHelp)}</HelperTextItem>
                    {!canSend && !busy ? (
                      <HelperTextItem>{intl.formatMessage(m.sendNeedsConfirm)}</HelperTextItem>
                    ) : null}
                  </HelperText>
                </FormHelperText>
              </FormGroup>
              {passwordResult ? (
                <div ref={passwordResultRef} tabIndex={-1} data-testid="ssh-password-result">
                  <PasswordOutcome result={passwordResult} />
                </div>
              ) : null}
            </>
          )}
          <div role="status" aria-live="polite">
            {busy ? (
              <Content component="p">
                <Spinner size="sm" aria-hidden />{' '}
                {intl.formatMessage(method === 'key' ? m.verifying : m.sending)}
              </Content>
            ) : null}
          </div>
        </Form>
      </ModalBody>
      <ModalFooter>
        {method === 'key' ? (
          <Button variant="primary" isDisabled={busy} onClick={() => void verifyKey()}>
            {intl.formatMessage(m.verifyKey)}
          </Button>
        ) : (
          <Button variant="primary" isDisabled={!canSend} onClick={() => void sendPassword()}>
            {intl.formatMessage(m.send)}
          </Button>
        )}
        <Button variant="link" onClick={close} isDisabled={busy}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

function PasswordOutcome({ result }: { result: PasswordResult }) {
  const intl = useIntl();
  switch (result.kind) {
    case 'wrong':
      return (
        <Alert
          component="h2"
          isInline
          variant="danger"
          title={intl.formatMessage(m.wrongPassword)}
          role="alert"
        >
          {intl.formatMessage(m.serviceSaid, { detail: result.detail })}
        </Alert>
      );
    case 'too_many':
      return (
        <Alert
          component="h2"
          isInline
          variant="warning"
          title={intl.formatMessage(m.tooMany)}
          role="alert"
        >
          {result.detail}
        </Alert>
      );
    case 'key_changed':
      return (
        <Alert
          component="h2"
          isInline
          variant="danger"
          title={intl.formatMessage(m.hostKeyChanged)}
          role="alert"
        >
          {result.fingerprint ? (
            <Content component="p">{intl.formatMessage(m.hostKeyChangedNew)}</Content>
          ) : null}
          <Content component="p">
            {intl.formatMessage(m.serviceSaid, { detail: result.detail })}
          </Content>
        </Alert>
      );
    default:
      return (
        <Alert
          component="h2"
          isInline
          variant="danger"
          title={intl.formatMessage(m.setupFailed)}
          role="alert"
        >
          {intl.formatMessage(m.serviceSaid, { detail: result.detail })}
        </Alert>
      );
  }
}

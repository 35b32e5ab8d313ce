// Parts of the tab that its first paint does not need (the Start flow, the options editor, the
// action dialogs, a session's details) come in chunks of their own, loaded when first used:
// webpack splits at each import() below and loads the chunk (JS, and its CSS through
// mini-css-extract-plugin) relative to georep.html, i.e. from the plugin's resource folder as
// WebAdmin serves it (/ovirt-engine/webadmin/plugin/<name>/<file>, PluginResourceServlet). A new
// view (a page of its own, another dialog) is added here the same way. docs/bundle.md has the
// figures.
import { Backdrop, Bullseye, Spinner } from '@patternfly/react-core';
import {
  Component,
  type ComponentType,
  type ErrorInfo,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
} from 'react';
import { useIntl } from '../intl/react';
import { errorMessage } from '../georep/errorMessage';
import { pageMessages } from './messages';
import { useNotify } from './Toasts';

export interface OnDemand<P extends object> {
  (props: P): ReactNode;
  /** Load the chunk now (idempotent): tests, and a warm-up once the first paint is done. */
  preload(): Promise<unknown>;
  displayName?: string;
}

/**
 * A component whose code is loaded on first render. Suspends (the nearest <Suspense> shows its
 * fallback) until the chunk is in; once loaded, every later render is synchronous.
 */
export function onDemand<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
): OnDemand<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // A later opening tries again (React.lazy keeps a failure for good: a fresh one).
        pending = undefined;
        Lazy = lazyOf();
        throw e;
      },
    );
    return pending;
  };
  const lazyOf = () => lazy(() => preload().then((c) => ({ default: c })));
  let Lazy = lazyOf();
  const Part = ((props: P) => {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }) as OnDemand<P>;
  Part.preload = preload;
  Part.displayName = `OnDemand(${name})`;
  return Part;
}

// ---- the chunks (webpackChunkName: the file's name in gluster-georep-resources/) ----

export const StartSessionDialog = onDemand('StartSessionDialog', () =>
  import(/* webpackChunkName: "start" */ './start/StartSessionDialog').then(
    (m) => m.StartSessionDialog,
  ),
);
export const SessionOptionsDialog = onDemand('SessionOptionsDialog', () =>
  import(/* webpackChunkName: "options" */ './SessionOptionsDialog').then(
    (m) => m.SessionOptionsDialog,
  ),
);
export const RecoverDialog = onDemand('RecoverDialog', () =>
  import(/* webpackChunkName: "recover" */ './RecoverDialog').then((m) => m.RecoverDialog),
);
// Confirm and Remove share their parts (targets, Force advice): one chunk.
export const ConfirmActionDialog = onDemand('ConfirmActionDialog', () =>
  import(/* webpackChunkName: "actions" */ './ConfirmActionDialog').then(
    (m) => m.ConfirmActionDialog,
  ),
);
export const RemoveSessionDialog = onDemand('RemoveSessionDialog', () =>
  import(/* webpackChunkName: "actions" */ './RemoveSessionDialog').then(
    (m) => m.RemoveSessionDialog,
  ),
);
export const SessionDetails = onDemand('SessionDetails', () =>
  import(/* webpackChunkName: "details" */ './SessionDetails').then((m) => m.SessionDetails),
);
// Storage domain disaster recovery (the panel below a cluster's sessions and its dialogs).
export const StorageDomainsDr = onDemand('StorageDomainsDr', () =>
  import(/* webpackChunkName: "dr" */ './dr/StorageDomainsDr').then((m) => m.StorageDomainsDr),
);

const ALL = [
  StartSessionDialog,
  SessionOptionsDialog,
  RecoverDialog,
  ConfirmActionDialog,
  RemoveSessionDialog,
  SessionDetails,
  StorageDomainsDr,
];

/** Load every chunk (tests render synchronously after it; the tab warms up with it when idle). */
export function preloadAll(): Promise<unknown> {
  return Promise.all(ALL.map((p) => p.preload()));
}

// ---- where a chunk is rendered ----

interface BoundaryProps {
  /** What to show when the chunk could not be loaded (the error's words given). */
  failed: (message: string) => ReactNode;
  children: ReactNode;
}

/**
 * webpack's ChunkLoadError (a script that did not load) or mini-css-extract-plugin's
 * CSS_CHUNK_LOAD_FAILED (a stylesheet that did not): the chunk is missing, not the code wrong.
 */
export function isChunkLoadError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return e.name === 'ChunkLoadError' || (e as { code?: unknown }).code === 'CSS_CHUNK_LOAD_FAILED';
}

/** Catches a chunk that could not be loaded (network, or an upgrade removed the old files). */
class ChunkBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(errorMessage(error)) };
  }
  override componentDidCatch(e: unknown, info: ErrorInfo): void {
    if (isChunkLoadError(e))
      console.error(
        '[gluster-georep] a part of the tab could not be loaded',
        e,
        info.componentStack,
      );
  }
  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Anything else is a bug of the part itself: the next boundary up deals with it.
    if (!isChunkLoadError(error)) throw error;
    return this.props.failed(errorMessage(error));
  }
}

/** Renders an on-demand part: `loading` while its chunk comes, `failed` if it cannot. */
export function Loadable({
  loading,
  failed,
  children,
}: {
  loading: ReactNode;
  failed: (message: string) => ReactNode;
  children: ReactNode;
}) {
  return (
    <ChunkBoundary failed={failed}>
      <Suspense fallback={loading}>{children}</Suspense>
    </ChunkBoundary>
  );
}

/** While a dialog's chunk comes: the page dimmed, a spinner (Modal itself is in the chunk). */
function DialogLoading() {
  const intl = useIntl();
  return (
    <Backdrop>
      <Bullseye>
        <Spinner aria-label={intl.formatMessage(pageMessages.loadingDialog)} />
      </Bullseye>
    </Backdrop>
  );
}

/** A dialog that could not be loaded: said in a toast, and the dialog is closed again. */
function DialogFailed({ message, onClose }: { message: string; onClose: () => void }) {
  const intl = useIntl();
  const notify = useNotify();
  useEffect(() => {
    notify('danger', intl.formatMessage(pageMessages.partNotLoaded, { detail: message }));
    onClose();
  }, [notify, intl, message, onClose]);
  return null;
}

/** Renders an on-demand dialog; `onClose` closes it when its chunk cannot be loaded. */
export function DialogSlot({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <Loadable
      loading={<DialogLoading />}
      failed={(message) => <DialogFailed message={message} onClose={onClose} />}
    >
      {children}
    </Loadable>
  );
}

// What the action dialogs say about Force once Gluster refused: per session, the rule of
// src/georep/force.ts (the same the service puts in its 409 faults as force_may_help) on Gluster's
// words; Force is offered for the sessions where it may get past the refusal, with what it does,
// and the others say why it would not help. A session refused with force is not offered it again.
import { Alert, Content, StackItem } from '@patternfly/react-core';
import type { MessageDescriptor } from '../intl/react';
import { useIntl } from '../intl/react';
import { judgeRefusal, type ForceableAction, type RefusalKind } from '../georep/force';
import type { GeoRepSession } from '../georep/types';
import { dialogMessages } from './dialogMessages';
import { sessionKey } from './sessionName';
import type { ItemResult } from './useBatchAction';

export interface Refusal {
  item: GeoRepSession;
  kind: RefusalKind;
  forceMayHelp: boolean;
  /** The refused attempt had force. */
  forced: boolean;
}

/** Gluster's refusals (409) among a dialog's results, each judged by the force rule. */
export function refusalsOf(
  action: ForceableAction,
  results: readonly ItemResult<GeoRepSession>[],
  forced: ReadonlySet<string>,
): Refusal[] {
  const out: Refusal[] = [];
  for (const r of results) {
    if (r.ok || r.error?.kind !== 'conflict') continue;
    const wasForced = forced.has(sessionKey(r.item));
    const verdict = judgeRefusal(action, r.error.detail || r.error.reason, wasForced);
    out.push({ item: r.item, ...verdict, forced: wasForced });
  }
  return out;
}

/** What force does, for the refusals it skips (by action). */
const FORCE_DOES: Record<ForceableAction, Partial<Record<RefusalKind, MessageDescriptor>>> = {
  start: {
    already_started: dialogMessages.forceStartAlreadyStarted,
    spawn_failed: dialogMessages.forceStartSpawn,
  },
  stop: {
    peer_down: dialogMessages.forceStopPeerDown,
    not_running_here: dialogMessages.forceStopNotRunning,
    session_missing: dialogMessages.forceStopNoRecord,
    state_file_missing: dialogMessages.forceStopNoRecord,
  },
  pause: {
    already_paused: dialogMessages.forcePauseAlreadyPaused,
    status_unreadable: dialogMessages.forceStatusUnreadable,
  },
  resume: {
    not_paused: dialogMessages.forceResumeNotPaused,
    status_unreadable: dialogMessages.forceStatusUnreadable,
  },
  delete: {},
  // The Start dialog explains create's refusals itself (start/messages.ts).
  create: {},
};

/** Why force would not help, for the refusals it does not skip. */
const NO_FORCE: Partial<Record<RefusalKind, MessageDescriptor>> = {
  peer_down: dialogMessages.noForcePeerDown,
  volume_not_started: dialogMessages.noForceVolumeNotStarted,
  not_running_here: dialogMessages.noForceNotRunningHere,
  still_active: dialogMessages.noForceStillActive,
  session_missing: dialogMessages.noForceMissing,
  volume_missing: dialogMessages.noForceMissing,
  busy: dialogMessages.noForceBusy,
};

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The advice under a dialog's results: Force and what it does, and/or why force would not help. */
export function ForceAdvice({
  action,
  refusals,
}: {
  action: ForceableAction;
  refusals: readonly Refusal[];
}) {
  const intl = useIntl();
  const helps = refusals.filter((r) => r.forceMayHelp);
  // A refusal despite force says so in its result; nothing more to advise. Removal has no force
  // at all: only refusals with something to do about them are explained there.
  const noHelp = refusals.filter(
    (r) => !r.forceMayHelp && !r.forced && (action !== 'delete' || NO_FORCE[r.kind]),
  );
  const values = { action };
  return (
    <>
      {helps.length > 0 ? (
        <StackItem>
          <Alert
            component="h2"
            isInline
            variant="warning"
            title={intl.formatMessage(dialogMessages.forceOffer)}
          >
            {unique(
              helps.map((r) => FORCE_DOES[action][r.kind] ?? dialogMessages.forceGeneric),
            ).map((m) => (
              <Content component="p" key={m.id}>
                {intl.formatMessage(m, values)}
              </Content>
            ))}
            {noHelp.length > 0 ? (
              <Content component="p">
                {intl.formatMessage(dialogMessages.forceOfferSome, { count: helps.length })}
              </Content>
            ) : null}
          </Alert>
        </StackItem>
      ) : null}
      {noHelp.length > 0 ? (
        <StackItem>
          <Alert
            component="h2"
            isInline
            isPlain
            variant="info"
            title={intl.formatMessage(
              action === 'delete' ? dialogMessages.refusalAdviceTitle : dialogMessages.noForceTitle,
            )}
          >
            {unique(noHelp.map((r) => NO_FORCE[r.kind] ?? dialogMessages.noForceOther)).map((m) => (
              <Content component="p" key={m.id}>
                {intl.formatMessage(m, values)}
              </Content>
            ))}
          </Alert>
        </StackItem>
      ) : null}
    </>
  );
}

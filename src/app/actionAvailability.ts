// Whether an action can be used now, and why not: the user's role (from /access) first, then the
// state of the sessions it would act on.
import type { IntlShape, MessageDescriptor } from '../intl/react';
import type { GeoRepSession } from '../georep/types';
import type { ClusterAccess } from './environment';
import { actionMessages } from './messages';
import { asApiError } from './queries';
import { isAllowedInState, type SessionAction } from './sessionRules';

export interface Permission {
  allowed: boolean;
  /** Why not, when not allowed. */
  reason: string | null;
}

export function permissionFrom(
  intl: IntlShape,
  access: { data?: ClusterAccess; error: unknown; isPending: boolean },
): Permission {
  if (access.data) {
    if (access.data.can_manage) return { allowed: true, reason: null };
    return {
      allowed: false,
      reason: access.data.reason || intl.formatMessage(actionMessages.reasonNoPermission),
    };
  }
  if (access.error) {
    const e = asApiError(access.error);
    if (e.kind === 'forbidden')
      return {
        allowed: false,
        reason: e.detail || intl.formatMessage(actionMessages.reasonNoPermission),
      };
    return {
      allowed: false,
      reason: intl.formatMessage(actionMessages.reasonAccessUnknown, {
        detail: e.detail || e.reason,
      }),
    };
  }
  return { allowed: false, reason: intl.formatMessage(actionMessages.reasonCheckingAccess) };
}

const STATE_REASON: Record<SessionAction, MessageDescriptor | null> = {
  start: actionMessages.reasonStart,
  stop: actionMessages.reasonStop,
  pause: actionMessages.reasonPause,
  resume: actionMessages.reasonResume,
  remove: actionMessages.reasonRemove,
  checkpoint: actionMessages.reasonCheckpoint,
  recover: actionMessages.reasonRecover,
  options: null,
};

export interface Availability {
  enabled: boolean;
  reason: string | null;
  /** The sessions the action would act on. */
  eligible: GeoRepSession[];
  /** Selected sessions whose state does not allow it (left alone). */
  skipped: GeoRepSession[];
}

export function availability(
  intl: IntlShape,
  action: SessionAction,
  sessions: readonly GeoRepSession[],
  permission: Permission,
): Availability {
  const eligible: GeoRepSession[] = [];
  const skipped: GeoRepSession[] = [];
  for (const s of sessions) (isAllowedInState(action, s.status) ? eligible : skipped).push(s);
  const no = (reason: string): Availability => ({ enabled: false, reason, eligible, skipped });
  // Options open for everyone who sees the session: read-only users read them (no Apply).
  if (!permission.allowed && action !== 'options')
    return no(permission.reason ?? intl.formatMessage(actionMessages.reasonNoPermission));
  if (sessions.length === 0) return no(intl.formatMessage(actionMessages.reasonNoSelection));
  if (action === 'options' && sessions.length !== 1)
    return no(intl.formatMessage(actionMessages.reasonSingleSelection));
  if (eligible.length === 0) {
    const stateReason = STATE_REASON[action];
    return no(
      sessions.length === 1 && stateReason
        ? intl.formatMessage(stateReason)
        : intl.formatMessage(actionMessages.reasonNoneEligible),
    );
  }
  return { enabled: true, reason: null, eligible, skipped };
}

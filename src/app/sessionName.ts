// One readable name for a session, used in dialogs, toasts and accessible labels.
import type { IntlShape } from '../intl/react';
import type { GeoRepSession } from '../georep/types';
import { tableMessages } from './messages';

export function sessionName(
  intl: IntlShape,
  s: Pick<
    GeoRepSession,
    'primary_volume' | 'secondary_user' | 'secondary_host' | 'secondary_volume'
  >,
): string {
  return intl.formatMessage(tableMessages.sessionName, {
    primary: s.primary_volume,
    user: s.secondary_user,
    host: s.secondary_host,
    volume: s.secondary_volume,
  });
}

export const sessionKey = (s: GeoRepSession): string => s.id;

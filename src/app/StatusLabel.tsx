// A session or worker status as a Label: icon AND text AND colour, never colour alone.
import { Label } from '@patternfly/react-core';
import type { ComponentType } from 'react';
import { type MessageDescriptor, useIntl } from '../intl/react';
import type { SessionStatus, WorkerStatus } from '../georep/types';
import {
  CheckCircleIcon,
  DisconnectedIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InProgressIcon,
  PauseCircleIcon,
  PlusCircleIcon,
  QuestionCircleIcon,
  StopCircleIcon,
} from './icons';
import { statusMessages } from './messages';

type LabelColor =
  'blue' | 'teal' | 'green' | 'orange' | 'purple' | 'red' | 'orangered' | 'grey' | 'yellow';

const LOOK: Record<SessionStatus, { color: LabelColor; Icon: ComponentType }> = {
  Active: { color: 'green', Icon: CheckCircleIcon },
  Passive: { color: 'blue', Icon: PauseCircleIcon },
  Faulty: { color: 'red', Icon: ExclamationCircleIcon },
  PartiallyFaulty: { color: 'orange', Icon: ExclamationTriangleIcon },
  Stalled: { color: 'orangered', Icon: ExclamationCircleIcon },
  Initializing: { color: 'teal', Icon: InProgressIcon },
  Created: { color: 'purple', Icon: PlusCircleIcon },
  Stopped: { color: 'grey', Icon: StopCircleIcon },
  Paused: { color: 'yellow', Icon: PauseCircleIcon },
  Offline: { color: 'grey', Icon: DisconnectedIcon },
  Unknown: { color: 'grey', Icon: QuestionCircleIcon },
};

/**
 * The words of a status. A newer service may send a status this tab does not know (the wire type
 * names today's): it reads Unknown, never breaks the row.
 */
export function statusMessage(status: string): MessageDescriptor {
  return (
    (statusMessages as Readonly<Record<string, MessageDescriptor>>)[status] ??
    statusMessages.Unknown
  );
}

export function StatusLabel({ status }: { status: SessionStatus | WorkerStatus }) {
  const intl = useIntl();
  const look =
    (LOOK as Readonly<Record<string, (typeof LOOK)[SessionStatus]>>)[status] ?? LOOK.Unknown;
  const text = intl.formatMessage(statusMessage(status));
  return (
    <Label color={look.color} icon={<look.Icon />} isCompact data-status={status}>
      {text}
    </Label>
  );
}

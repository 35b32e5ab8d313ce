// A session or worker status as a Label: icon AND text AND colour, never colour alone.
import { Label } from '@patternfly/react-core';
import type { ComponentType } from 'react';
import { useIntl } from 'react-intl';
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

export function StatusLabel({ status }: { status: SessionStatus | WorkerStatus }) {
  const intl = useIntl();
  const look = LOOK[status] ?? LOOK.Unknown;
  const text = intl.formatMessage(statusMessages[status] ?? statusMessages.Unknown);
  return (
    <Label color={look.color} icon={<look.Icon />} isCompact data-status={status}>
      {text}
    </Label>
  );
}

// Counts of the cluster's sessions by status; each count is a filter (press again to show all).
import { Badge, ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { type ComponentType, memo, useMemo } from 'react';
import { useIntl } from '../intl/react';
import type { GeoRepSession } from '../georep/types';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  PauseCircleIcon,
  PlusCircleIcon,
  QuestionCircleIcon,
  StopCircleIcon,
} from './icons';
import { bucketMessages } from './messages';
import { countByBucket, STATE_BUCKETS, type StateBucket } from './sessionRules';

const BUCKET_ICON: Record<StateBucket, { Icon: ComponentType<{ color?: string }>; color: string }> =
  {
    active: {
      Icon: CheckCircleIcon,
      color: 'var(--pf-t--global--icon--color--status--success--default)',
    },
    passive: {
      Icon: PauseCircleIcon,
      color: 'var(--pf-t--global--icon--color--status--info--default)',
    },
    faulty: {
      Icon: ExclamationCircleIcon,
      color: 'var(--pf-t--global--icon--color--status--danger--default)',
    },
    paused: {
      Icon: PauseCircleIcon,
      color: 'var(--pf-t--global--icon--color--status--warning--default)',
    },
    stopped: { Icon: StopCircleIcon, color: 'var(--pf-t--global--icon--color--subtle)' },
    created: { Icon: PlusCircleIcon, color: 'var(--pf-t--global--icon--color--subtle)' },
    unknown: { Icon: QuestionCircleIcon, color: 'var(--pf-t--global--icon--color--subtle)' },
  };

export interface SessionSummaryProps {
  sessions: readonly GeoRepSession[];
  value: StateBucket | null;
  onChange: (bucket: StateBucket | null) => void;
}

export const SessionSummary = memo(function SessionSummary({
  sessions,
  value,
  onChange,
}: SessionSummaryProps) {
  const intl = useIntl();
  const counts = useMemo(() => countByBucket(sessions), [sessions]);
  const allLabel = intl.formatMessage(bucketMessages.all);
  return (
    <ToggleGroup
      aria-label={intl.formatMessage(bucketMessages.summaryLabel)}
      className="georep-summary"
    >
      <ToggleGroupItem
        text={
          <>
            {allLabel} <Badge isRead>{sessions.length}</Badge>
          </>
        }
        aria-label={intl.formatMessage(bucketMessages.filterAria, {
          state: allLabel,
          count: sessions.length,
        })}
        isSelected={value === null}
        onChange={() => onChange(null)}
      />
      {STATE_BUCKETS.map((b) => {
        const label = intl.formatMessage(bucketMessages[b]);
        const { Icon, color } = BUCKET_ICON[b];
        return (
          <ToggleGroupItem
            key={b}
            icon={<Icon color={color} />}
            text={
              <>
                {label} <Badge isRead={counts[b] === 0}>{counts[b]}</Badge>
              </>
            }
            aria-label={intl.formatMessage(bucketMessages.filterAria, {
              state: label,
              count: counts[b],
            })}
            isSelected={value === b}
            isDisabled={counts[b] === 0 && value !== b}
            onChange={() => onChange(value === b ? null : b)}
          />
        );
      })}
    </ToggleGroup>
  );
});

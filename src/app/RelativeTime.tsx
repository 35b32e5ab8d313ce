// A time shown relative to now ("3 minutes ago"), the absolute time in a tooltip (hover or focus).
import { Tooltip } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { formatAbsolute, formatRelative } from './time';

export interface RelativeTimeProps {
  iso: string;
  /** Extra tooltip text under the absolute time. */
  extra?: ReactNode;
  /** Render the relative text through this (e.g. "Completed {relative}"). */
  render?: (relative: string) => ReactNode;
}

export function RelativeTime({ iso, extra, render }: RelativeTimeProps) {
  const intl = useIntl();
  const relative = formatRelative(intl, iso);
  const absolute = formatAbsolute(intl, iso);
  return (
    <Tooltip
      content={
        <div>
          <div>{absolute}</div>
          {extra ? <div>{extra}</div> : null}
        </div>
      }
    >
      <time dateTime={iso} tabIndex={0} title={absolute} className="georep-time">
        {render ? render(relative) : relative}
      </time>
    </Tooltip>
  );
}

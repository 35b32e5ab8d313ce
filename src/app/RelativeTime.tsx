// A time shown relative to now ("3 minutes ago"), the absolute time in a tooltip (hover or focus).
// The relative text moves on by itself (useNow), not only when the data is read again.
import { Tooltip } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useIntl } from '../intl/react';
import { formatAbsolute, formatRelative } from './time';
import { useNow } from './useNow';

export interface RelativeTimeProps {
  iso: string;
  /** Extra tooltip text under the absolute time. */
  extra?: ReactNode;
  /** Render the relative text through this (e.g. "Completed {relative}"). */
  render?: (relative: string) => ReactNode;
  /** May break over lines (a long rendered text in a narrow column); kept on one line otherwise. */
  wrap?: boolean;
}

export function RelativeTime({ iso, extra, render, wrap = false }: RelativeTimeProps) {
  const intl = useIntl();
  const relative = formatRelative(intl, iso, useNow());
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
      <time
        dateTime={iso}
        tabIndex={0}
        title={absolute}
        className={wrap ? 'georep-time georep-time--wrap' : 'georep-time'}
      >
        {render ? render(relative) : relative}
      </time>
    </Tooltip>
  );
}

/** The relative text alone (e.g. in an alert's title), ticking like RelativeTime. */
export function RelativeText({
  iso,
  render,
}: {
  iso: string;
  render: (relative: string) => string;
}) {
  const intl = useIntl();
  return <>{render(formatRelative(intl, iso, useNow()))}</>;
}

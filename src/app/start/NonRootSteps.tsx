// What the service did on the secondary for a non-root user (the mountbroker), step by step, in the
// Start dialog's outcome: each step, the node it ran on, and whether it changed anything.
import { List, ListItem } from '@patternfly/react-core';
import { useIntl } from '../../intl/react';
import type { GeoRepSession } from '../../georep/types';
import { startMessages as m } from './messages';

export function NonRootSteps({ session }: { session: GeoRepSession }) {
  const intl = useIntl();
  const steps = session.nonroot_preparation;
  if (!steps?.length) return null;
  return (
    <div data-testid="nonroot-steps">
      <p>{intl.formatMessage(m.nonRootTitle, { user: session.secondary_user })}</p>
      <List>
        {steps.map((s, i) => (
          <ListItem
            key={`${s.step}-${s.node}-${i}`}
            data-nonroot-step={s.step}
            data-outcome={s.outcome}
          >
            {intl.formatMessage(m.nonRootStep, {
              step: s.step,
              node: s.node,
              outcome: s.outcome,
              detail: s.detail,
            })}
          </ListItem>
        ))}
      </List>
    </div>
  );
}

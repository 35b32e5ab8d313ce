// Picks the Gluster cluster whose sessions the tab shows (only clusters the user sees).
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useId } from 'react';
import { useIntl } from '../intl/react';
import type { EngineCluster } from '../api/engine';
import { clusterMessages } from './messages';

export interface ClusterSelectorProps {
  clusters: EngineCluster[];
  value: string | null;
  onChange: (clusterId: string) => void;
}

export function ClusterSelector({ clusters, value, onChange }: ClusterSelectorProps) {
  const intl = useIntl();
  const id = useId();
  return (
    <FormGroup
      label={intl.formatMessage(clusterMessages.label)}
      fieldId={id}
      className="georep-cluster-selector"
    >
      <FormSelect
        id={id}
        value={value ?? ''}
        onChange={(_e, v) => onChange(v)}
        isDisabled={clusters.length === 0}
      >
        {clusters.map((c) => (
          <FormSelectOption key={c.id} value={c.id} label={c.name} />
        ))}
      </FormSelect>
    </FormGroup>
  );
}

// Entry of the Geo Replication place (georep.html). Placeholder until the tab lands.
import '@patternfly/react-core/dist/styles/base.css';
import { createRoot } from 'react-dom/client';
import { Title } from '@patternfly/react-core';

createRoot(document.getElementById('root')!).render(<Title headingLevel="h1">Geo Replication</Title>);

// The baseline for the tab benchmark: a bare PatternFly 6 page with a table and a modal, built by
// the same toolchain, rendering N static rows (N from the URL's ?rows=, default 1000).
import '@patternfly/react-core/dist/styles/base.css';
import { Button, Modal, ModalBody, ModalHeader, PageSection } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const rows = Number(new URLSearchParams(window.location.search).get('rows') ?? 1000);

function BarePage() {
  const [open, setOpen] = useState(false);
  return (
    <PageSection>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Modal isOpen={open} onClose={() => setOpen(false)} variant="small">
        <ModalHeader title="A modal" />
        <ModalBody>Body</ModalBody>
      </Modal>
      <Table aria-label="Bare table" variant="compact">
        <Thead>
          <Tr>
            <Th>Source volume</Th>
            <Th>Remote host</Th>
            <Th>Remote volume</Th>
            <Th>Status</Th>
          </Tr>
        </Thead>
        <Tbody>
          {Array.from({ length: rows }, (_, i) => (
            <Tr key={i}>
              <Td>{`vol-${i}`}</Td>
              <Td>{`dr${i % 7}.remote.example`}</Td>
              <Td>{`vol-${i}-dr`}</Td>
              <Td>Active</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </PageSection>
  );
}

createRoot(document.getElementById('root')!).render(<BarePage />);

// The second baseline for the tab benchmark: the bare page (bare-page.tsx) with the controls the
// tab's first screen has and the bare page lacks, each as PatternFly documents it: a toolbar with
// a text filter, a status filter (Select) and a cluster selector (Dropdown), pagination, an actions
// menu per row, status labels, a tooltip and an inline alert. Nothing of the tab's own logic (no
// data layer, no i18n, no polling): what is left between the tab and this page is those and the
// tab's code. Rows: ?rows= (default 1000).
import '@patternfly/react-core/dist/styles/base.css';
import {
  Alert,
  Button,
  Dropdown,
  DropdownItem,
  DropdownList,
  Label,
  MenuToggle,
  Modal,
  ModalBody,
  ModalHeader,
  PageSection,
  Pagination,
  SearchInput,
  Select,
  SelectList,
  SelectOption,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Tooltip,
} from '@patternfly/react-core';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const rows = Number(new URLSearchParams(window.location.search).get('rows') ?? 1000);
const STATUSES = ['Active', 'Passive', 'Faulty', 'Stopped', 'Paused'] as const;

function BareTablePage() {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [statusOpen, setStatusOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [clusterOpen, setClusterOpen] = useState(false);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(20);
  const all = Array.from({ length: rows }, (_, i) => ({
    name: `vol-${i}`,
    status: STATUSES[i % STATUSES.length]!,
  })).filter((r) => r.name.includes(filter) && (status === null || r.status === status));
  const shown = all.slice((page - 1) * perPage, page * perPage);
  return (
    <PageSection>
      <Alert variant="info" isInline title="Sessions are read from Gluster" />
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Dropdown
              isOpen={clusterOpen}
              onOpenChange={setClusterOpen}
              toggle={(ref) => (
                <MenuToggle ref={ref} onClick={() => setClusterOpen(!clusterOpen)}>
                  Cluster
                </MenuToggle>
              )}
            >
              <DropdownList>
                <DropdownItem>gluster-prod</DropdownItem>
                <DropdownItem>gluster-dr</DropdownItem>
              </DropdownList>
            </Dropdown>
          </ToolbarItem>
          <ToolbarItem>
            <SearchInput
              aria-label="Filter"
              value={filter}
              onChange={(_e, v) => setFilter(v)}
              onClear={() => setFilter('')}
            />
          </ToolbarItem>
          <ToolbarItem>
            <Select
              isOpen={statusOpen}
              selected={status}
              onSelect={(_e, v) => {
                setStatus(typeof v === 'string' ? v : null);
                setStatusOpen(false);
              }}
              onOpenChange={setStatusOpen}
              toggle={(ref) => (
                <MenuToggle ref={ref} onClick={() => setStatusOpen(!statusOpen)}>
                  {status ?? 'Status'}
                </MenuToggle>
              )}
            >
              <SelectList>
                {STATUSES.map((s) => (
                  <SelectOption key={s} value={s}>
                    {s}
                  </SelectOption>
                ))}
              </SelectList>
            </Select>
          </ToolbarItem>
          <ToolbarItem>
            <Button onClick={() => setOpen(true)}>New session</Button>
          </ToolbarItem>
          <ToolbarItem variant="pagination">
            <Pagination
              itemCount={all.length}
              page={page}
              perPage={perPage}
              onSetPage={(_e, p) => setPage(p)}
              onPerPageSelect={(_e, pp) => setPerPage(pp)}
              isCompact
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
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
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((r, i) => (
            <Tr key={r.name}>
              <Td>{r.name}</Td>
              <Td>{`dr${i % 7}.remote.example`}</Td>
              <Td>
                <Tooltip content="The secondary volume">
                  <span tabIndex={0}>{`${r.name}-dr`}</span>
                </Tooltip>
              </Td>
              <Td>
                <Label color={r.status === 'Faulty' ? 'red' : 'green'}>{r.status}</Label>
              </Td>
              <Td isActionCell>
                <ActionsColumn
                  items={[{ title: 'Stop' }, { title: 'Pause' }, { title: 'Remove' }]}
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </PageSection>
  );
}

createRoot(document.getElementById('root')!).render(<BareTablePage />);

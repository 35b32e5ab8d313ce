// Above the table: text filter, the active filters as removable labels, the actions on the
// selected sessions (disabled with the reason in a tooltip), New session, Refresh, pagination.
import {
  Button,
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  Pagination,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarGroup,
  ToolbarItem,
  Tooltip,
} from '@patternfly/react-core';
import { memo, type ReactNode, useState } from 'react';
import { useIntl } from '../intl/react';
import type { Availability } from './actionAvailability';
import { SyncAltIcon } from './icons';
import { actionMessages, bucketMessages, pageMessages, toolbarMessages } from './messages';
import type { SessionAction, StateBucket } from './sessionRules';
import { usePaginationTitles } from './usePaginationTitles';
import { TOOLBAR_WIDE_PX, useWideEnough } from './useWideEnough';

export const TOOLBAR_ACTIONS: readonly SessionAction[] = [
  'start',
  'stop',
  'pause',
  'resume',
  'checkpoint',
  'remove',
  'options',
];

export function ActionButton({
  label,
  availability,
  onClick,
  variant = 'secondary',
  icon,
}: {
  label: string;
  availability: { enabled: boolean; reason: string | null };
  onClick: () => void;
  variant?: 'primary' | 'secondary';
  icon?: ReactNode;
}) {
  const button = (
    <Button
      variant={variant}
      icon={icon}
      isAriaDisabled={!availability.enabled}
      onClick={availability.enabled ? onClick : undefined}
    >
      {label}
    </Button>
  );
  return availability.enabled || !availability.reason ? (
    button
  ) : (
    <Tooltip content={availability.reason}>{button}</Tooltip>
  );
}

export interface SessionsToolbarProps {
  text: string;
  onTextChange: (text: string) => void;
  bucket: StateBucket | null;
  onBucketChange: (bucket: StateBucket | null) => void;
  selectedCount: number;
  onClearSelection: () => void;
  actionAvailability: (action: SessionAction) => Availability;
  onAction: (action: SessionAction) => void;
  newSession: {
    availability: { enabled: boolean; reason: string | null };
    onClick: () => void;
  } | null;
  onRefresh: () => void;
  refreshing: boolean;
  itemCount: number;
  page: number;
  perPage: number;
  onPageChange: (page: number) => void;
  onPerPageChange: (perPage: number) => void;
}

export const PER_PAGE_OPTIONS = [10, 20, 50, 100].map((n) => ({ title: String(n), value: n }));

export function SessionsToolbar(p: SessionsToolbarProps) {
  const intl = useIntl();
  const titles = usePaginationTitles();
  const textCategory = intl.formatMessage(toolbarMessages.textChip);
  const stateCategory = intl.formatMessage(toolbarMessages.stateChip);
  return (
    <Toolbar
      clearAllFilters={() => {
        p.onTextChange('');
        p.onBucketChange(null);
      }}
      clearFiltersButtonText={intl.formatMessage(pageMessages.clearFilters)}
    >
      <ToolbarContent>
        {p.newSession ? (
          <ToolbarItem>
            <ActionButton
              variant="primary"
              label={intl.formatMessage(pageMessages.newSession)}
              availability={p.newSession.availability}
              onClick={p.newSession.onClick}
            />
          </ToolbarItem>
        ) : null}
        <ToolbarGroup variant="filter-group">
          <ToolbarFilter
            categoryName={textCategory}
            labels={p.text ? [p.text] : []}
            deleteLabel={() => p.onTextChange('')}
          >
            <SearchInput
              aria-label={intl.formatMessage(toolbarMessages.filterAria)}
              placeholder={intl.formatMessage(toolbarMessages.filterPlaceholder)}
              value={p.text}
              onChange={(_e, v) => p.onTextChange(v)}
              onClear={() => p.onTextChange('')}
            />
          </ToolbarFilter>
          <ToolbarFilter
            categoryName={stateCategory}
            labels={p.bucket ? [intl.formatMessage(bucketMessages[p.bucket])] : []}
            deleteLabel={() => p.onBucketChange(null)}
            showToolbarItem={false}
          >
            {null}
          </ToolbarFilter>
        </ToolbarGroup>
        <ToolbarActions
          actionAvailability={p.actionAvailability}
          onAction={p.onAction}
          selectedCount={p.selectedCount}
        />
        <ToolbarItem>
          <Button
            variant="plain"
            aria-label={intl.formatMessage(pageMessages.refresh)}
            icon={<SyncAltIcon />}
            onClick={p.onRefresh}
            isLoading={p.refreshing}
          />
        </ToolbarItem>
        <ToolbarItem visibility={{ default: 'hidden', xl: 'visible' }}>
          <span aria-live="polite">
            {intl.formatMessage(toolbarMessages.selected, { count: p.selectedCount })}
          </span>
          {p.selectedCount > 0 ? (
            <>
              {' '}
              <Button variant="link" isInline onClick={p.onClearSelection}>
                {intl.formatMessage(toolbarMessages.clearSelection)}
              </Button>
            </>
          ) : null}
        </ToolbarItem>
        <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
          <Pagination
            isCompact
            itemCount={p.itemCount}
            page={p.page}
            perPage={p.perPage}
            perPageOptions={PER_PAGE_OPTIONS}
            onSetPage={(_e, page) => p.onPageChange(page)}
            onPerPageSelect={(_e, perPage) => p.onPerPageChange(perPage)}
            titles={titles}
            widgetId="georep-pagination-top"
          />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
}

interface ToolbarActionsProps {
  actionAvailability: (action: SessionAction) => Availability;
  onAction: (action: SessionAction) => void;
  selectedCount: number;
}

/**
 * The actions on the selected sessions, memoised (typing in the filter re-renders neither them nor
 * their tooltips): buttons when the frame is wide, one "Actions" menu below PatternFly's xl
 * (WebAdmin at 1024 px), so the toolbar stays on one line.
 */
const ToolbarActions = memo(function ToolbarActions(p: ToolbarActionsProps) {
  const intl = useIntl();
  const wide = useWideEnough(TOOLBAR_WIDE_PX);
  const [open, setOpen] = useState(false);
  if (!wide) {
    return (
      <ToolbarItem>
        <Dropdown
          isOpen={open}
          onOpenChange={setOpen}
          onSelect={() => setOpen(false)}
          toggle={(ref) => (
            <MenuToggle ref={ref} onClick={() => setOpen((o) => !o)} isExpanded={open}>
              {intl.formatMessage(toolbarMessages.actionsMenu, { count: p.selectedCount })}
            </MenuToggle>
          )}
          popperProps={{ position: 'right' }}
        >
          <DropdownList aria-label={intl.formatMessage(toolbarMessages.bulkActions)}>
            {TOOLBAR_ACTIONS.map((action) => {
              const a = p.actionAvailability(action);
              return (
                <DropdownItem
                  key={action}
                  isAriaDisabled={!a.enabled}
                  tooltipProps={a.enabled || !a.reason ? undefined : { content: a.reason }}
                  onClick={a.enabled ? () => p.onAction(action) : undefined}
                >
                  {intl.formatMessage(actionMessages[action])}
                </DropdownItem>
              );
            })}
          </DropdownList>
        </Dropdown>
      </ToolbarItem>
    );
  }
  return (
    <ToolbarGroup
      variant="action-group"
      aria-label={intl.formatMessage(toolbarMessages.bulkActions)}
      role="group"
    >
      {TOOLBAR_ACTIONS.map((action) => (
        <ToolbarItem key={action}>
          <ActionButton
            label={intl.formatMessage(actionMessages[action])}
            availability={p.actionAvailability(action)}
            onClick={() => p.onAction(action)}
          />
        </ToolbarItem>
      ))}
    </ToolbarGroup>
  );
});

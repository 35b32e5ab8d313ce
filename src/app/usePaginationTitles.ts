// PatternFly Pagination's texts, translated.
import { useMemo } from 'react';
import { useIntl } from '../intl/react';
import { paginationMessages as m, toolbarMessages } from './messages';

export function usePaginationTitles() {
  const intl = useIntl();
  return useMemo(
    () => ({
      items: intl.formatMessage(m.items),
      page: intl.formatMessage(m.page),
      pages: intl.formatMessage(m.pages),
      itemsPerPage: intl.formatMessage(m.itemsPerPage),
      perPageSuffix: intl.formatMessage(m.perPageSuffix),
      ofWord: intl.formatMessage(m.ofWord),
      toFirstPageAriaLabel: intl.formatMessage(m.toFirstPage),
      toPreviousPageAriaLabel: intl.formatMessage(m.toPreviousPage),
      toNextPageAriaLabel: intl.formatMessage(m.toNextPage),
      toLastPageAriaLabel: intl.formatMessage(m.toLastPage),
      // No aria-label on the per-page toggle: its name is what it shows ("1 - 20 of 60"), as
      // WCAG 2.5.3 (label in name) wants; a label of its own would hide that text.
      currPageAriaLabel: intl.formatMessage(m.currPage),
      paginationAriaLabel: intl.formatMessage(toolbarMessages.pagination),
    }),
    [intl],
  );
}

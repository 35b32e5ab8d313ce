// PatternFly Pagination's texts, translated.
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
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
      optionsToggleAriaLabel: intl.formatMessage(m.optionsToggle),
      currPageAriaLabel: intl.formatMessage(m.currPage),
      paginationAriaLabel: intl.formatMessage(toolbarMessages.pagination),
    }),
    [intl],
  );
}

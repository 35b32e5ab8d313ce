// Shown when the page is opened outside WebAdmin (no pluginApi): nothing else can work.
import { EmptyState, EmptyStateBody, PageSection } from '@patternfly/react-core';
import { IntlProvider, useIntl } from '../intl/react';
import { DEFAULT_LOCALE } from '../intl';
import { ExclamationCircleIcon } from './icons';
import { pageMessages } from './messages';

function Failure({ detail }: { detail: string }) {
  const intl = useIntl();
  return (
    <PageSection>
      <EmptyState
        titleText={intl.formatMessage(pageMessages.outsideWebAdmin)}
        headingLevel="h1"
        icon={ExclamationCircleIcon}
        status="danger"
      >
        <EmptyStateBody>{detail}</EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
}

export function StartupFailure({ detail }: { detail: string }) {
  const locale = typeof navigator !== 'undefined' ? navigator.language : DEFAULT_LOCALE;
  return (
    <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={{}}>
      <Failure detail={detail} />
    </IntlProvider>
  );
}

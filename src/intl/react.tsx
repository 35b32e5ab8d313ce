// The React side of the tab's messages: react-intl's `IntlProvider` and `useIntl`, over the same
// `createIntl` of @formatjs/intl that react-intl wraps (react-intl/src/components/provider.tsx
// builds its IntlShape with it), and nothing the tab does not use. The tab formats plain text
// only (no rich-text elements, no <FormattedMessage>), so react-intl's React-element handling
// (2.4 KiB gzip of the first paint) has nothing to do here.
import {
  createIntl,
  createIntlCache,
  type IntlConfig,
  type IntlShape,
  type MessageDescriptor,
} from '@formatjs/intl';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

export { defineMessages } from '@formatjs/intl';
export type { IntlShape, MessageDescriptor };

const IntlContext = createContext<IntlShape | null>(null);
const cache = createIntlCache();

export interface IntlProviderProps {
  locale: string;
  defaultLocale?: string;
  /** By id: the locale's catalog (empty for English: the messages' own text is English). */
  messages?: IntlConfig['messages'];
  /** As react-intl's: unset, FormatJS reports to console.error. */
  onError?: IntlConfig['onError'];
  children?: ReactNode;
}

export function IntlProvider({
  locale,
  defaultLocale,
  messages,
  onError,
  children,
}: IntlProviderProps) {
  const intl = useMemo(
    () => createIntl({ locale, defaultLocale, messages, ...(onError ? { onError } : {}) }, cache),
    [locale, defaultLocale, messages, onError],
  );
  return <IntlContext.Provider value={intl}>{children}</IntlContext.Provider>;
}

/** The IntlShape of the nearest IntlProvider; without one, a bug: thrown as react-intl does. */
export function useIntl(): IntlShape {
  const intl = useContext(IntlContext);
  if (!intl)
    throw new Error(
      '[intl] Could not find the `intl` object: wrap the component in <IntlProvider>.',
    );
  return intl;
}

// One message catalog for the plugin and the tab: ICU messages defined next to the code that uses
// them (defineMessages, English as defaultMessage, extractable with FormatJS tooling), translated
// catalogs in src/intl/locales/<locale>.json, the locale from WebAdmin's currentLocale().
import {
  createIntl,
  createIntlCache,
  type IntlShape,
  type MessageDescriptor,
} from '@formatjs/intl';

export const DEFAULT_LOCALE = 'en-US';

/** Translated catalogs shipped with the plugin, by BCP-47 locale. English needs none: it is the source. */
const catalogs: Record<string, () => Promise<Record<string, string>>> = {};

/** WebAdmin says "en-US", "ja-JP", "zh-CN"…; older engines said "en_US". */
export function normalizeLocale(locale: string | null | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  const tag = locale.replace('_', '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export async function loadMessages(locale: string): Promise<Record<string, string>> {
  const load = catalogs[locale] ?? catalogs[locale.split('-')[0] ?? ''];
  if (!load) return {};
  try {
    return await load();
  } catch {
    return {}; // a missing catalog falls back to English, never breaks the plugin
  }
}

const cache = createIntlCache();

export async function createPluginIntl(rawLocale: string | null | undefined): Promise<IntlShape> {
  const locale = normalizeLocale(rawLocale);
  const messages = await loadMessages(locale);
  return createIntl(
    { locale, defaultLocale: DEFAULT_LOCALE, messages, onError: () => undefined },
    cache,
  );
}

/**
 * FormatJS 6 types a descriptor's values only when they are declared up front; ours are checked by
 * the tests instead, so catalogs are widened to plain MessageDescriptors (the `defineMessages`
 * calls stay as they are, for extraction).
 */
export function untyped<T extends object>(
  catalog: T,
): { readonly [K in keyof T]: MessageDescriptor } {
  return catalog as { readonly [K in keyof T]: MessageDescriptor };
}

import { createPluginIntl, normalizeLocale } from '../../../../src/intl';
import type { MessageDescriptor } from '@formatjs/intl';
import { alertMessages } from '../../../../src/plugin/alerts';
import { pluginMessages } from '../../../../src/plugin/messages';
import { serverAlertMessages } from '../../../../src/plugin/serverAlerts';

describe('message catalog', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en_US', 'en-US'],
    ['ja_JP', 'ja-JP'],
    [null, 'en-US'],
    ['not a locale!', 'en-US'],
  ])('normalises WebAdmin locale %p to %p', (input, expected) => {
    expect(normalizeLocale(input)).toBe(expected);
  });

  it('falls back to English for a locale without a catalog', async () => {
    const intl = await createPluginIntl('ko_KR');
    expect(intl.locale).toBe('ko-KR');
    expect(intl.formatMessage(pluginMessages.placeLabel)).toBe('Geo-Replication');
  });
});

describe("the plugin's own words", () => {
  const all: MessageDescriptor[] = [pluginMessages, alertMessages, serverAlertMessages].flatMap(
    (c) => Object.values(c),
  );
  const text = (m: MessageDescriptor) =>
    typeof m.defaultMessage === 'string' ? m.defaultMessage : '';

  it('every message has a description for translators', () => {
    expect(all.length).toBeGreaterThan(10);
    const without = all.filter((m) => typeof m.description !== 'string' || !m.description.trim());
    expect(without.map((m) => m.id)).toEqual([]);
  });

  it('names the sides of a session primary and secondary, never source or remote', () => {
    // "Remote Data Sync Setup" is WebAdmin's own button name on Volumes, not a side.
    const said = all.filter((m) =>
      /\b(source|remote)\b/i.test(text(m).replace(/Remote Data Sync/g, '')),
    );
    expect(said.map((m) => m.id)).toEqual([]);
  });
});

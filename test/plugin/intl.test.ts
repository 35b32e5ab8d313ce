import { createPluginIntl, normalizeLocale } from '../../src/intl';
import { pluginMessages } from '../../src/plugin/messages';

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

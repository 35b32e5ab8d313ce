// The English catalogue is complete and well-formed: unique ids, every message formats as ICU.
import { createIntl, type MessageDescriptor } from '@formatjs/intl';
import * as page from '../../../../src/app/messages';
import * as details from '../../../../src/app/detailsMessages';
import * as volumeTab from '../../../../src/app/volumeTabMessages';
import * as dialogs from '../../../../src/app/dialogMessages';
import * as options from '../../../../src/app/optionsMessages';
import { recoverMessages } from '../../../../src/app/recoverMessages';
import { drMessages } from '../../../../src/app/dr/messages';
import { liveMessages } from '../../../../src/app/LiveUpdates';
import { historyMessages } from '../../../../src/app/LagHistory';

// The tab's catalogue is split by chunk (first paint, dialogs, options editor): one truth here.
const all: MessageDescriptor[] = [page, details, volumeTab, dialogs, options].flatMap(
  (catalogues) =>
    Object.values(catalogues).flatMap((c) => Object.values(c as Record<string, MessageDescriptor>)),
);

test('every message has a unique id and an English default', () => {
  const ids = all.map((m) => m.id);
  expect(all.length).toBeGreaterThan(150);
  expect(new Set(ids).size).toBe(ids.length);
  for (const m of all) {
    expect(typeof m.id).toBe('string');
    expect(typeof m.defaultMessage).toBe('string');
    expect((m.defaultMessage as string).trim()).not.toBe('');
  }
});

test('every message is valid ICU and formats with its arguments (no stray braces or tags)', () => {
  const errors: string[] = [];
  const intl = createIntl({
    locale: 'en-US',
    messages: {},
    onError: (e) => {
      if ((e.code as string) !== 'MISSING_TRANSLATION') errors.push(e.message);
    },
  });
  for (const m of all) {
    // Every argument gets the number 2 (valid for text, number and plural arguments).
    const names = [...(m.defaultMessage as string).matchAll(/\{\s*(\w+)\s*[,}]/g)].map(
      (x) => x[1]!,
    );
    const values = Object.fromEntries(names.map((n) => [n, 2]));
    const text = intl.formatMessage(m, values);
    expect(text).not.toMatch(/[{}]/);
  }
  expect(errors).toEqual([]);
});

// The catalogues of the tab's page, table, details, live updates, lag history, Recover and DR.
const tab: MessageDescriptor[] = [
  page,
  details,
  volumeTab,
  { recoverMessages },
  { drMessages },
  { liveMessages },
  { historyMessages },
].flatMap((catalogues) =>
  Object.values(catalogues).flatMap((c) => Object.values(c as Record<string, MessageDescriptor>)),
);

test('every message of the tab has a description for translators', () => {
  expect(tab.length).toBeGreaterThan(250);
  const without = tab.filter((m) => typeof m.description !== 'string' || !m.description.trim());
  expect(without.map((m) => m.id)).toEqual([]);
});

test('one word per side: the tab says primary and secondary, never source or remote', () => {
  // "Remote Data Sync" is oVirt's own feature name (WebAdmin's button on Volumes), not a side.
  const said = tab.filter((m) =>
    /\b(source|remote)\b/i.test((m.defaultMessage as string).replace(/Remote Data Sync/g, '')),
  );
  expect(said.map((m) => `${m.id}: ${m.defaultMessage as string}`)).toEqual([]);
});

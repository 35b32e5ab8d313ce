// The Start and Passwordless SSH catalogues: complete English, ids unique (also against the tab's
// own catalogue), every message valid ICU that formats with its arguments. With the action dialogs'
// and the options editor's: a description for translators on every message, and one word for each
// side of a session (primary / secondary), never source / remote.
import { createIntl, type MessageDescriptor } from '@formatjs/intl';
import * as dialogs from '../../../../../src/app/dialogMessages';
import * as tab from '../../../../../src/app/messages';
import * as details from '../../../../../src/app/detailsMessages';
import * as volumeTab from '../../../../../src/app/volumeTabMessages';
import * as options from '../../../../../src/app/optionsMessages';
import { hostKeyFile, sshMessages, startMessages } from '../../../../../src/app/start/messages';

const flatten = (catalogues: object[]): MessageDescriptor[] =>
  catalogues.flatMap((c) => Object.values(c as Record<string, MessageDescriptor>));

const ours = flatten([startMessages, sshMessages]);
/** The catalogues of the Start flow, the action dialogs and the options editor. */
const dialogCatalogues = {
  startMessages,
  sshMessages,
  dialogMessages: dialogs.dialogMessages,
  optionsMessages: options.optionsMessages,
};

// The parsed ICU message (FormatJS's own parser): arguments by name, and the English text alone.
interface Node {
  type: number;
  value?: string;
  options?: Record<string, { value: Node[] }>;
}
const LITERAL = 0;
const parse = (m: MessageDescriptor): Node[] =>
  createIntl({ locale: 'en-US', messages: {} })
    .formatters.getMessageFormat(m.defaultMessage as string, 'en-US')
    .getAst();
function walk(nodes: Node[], args: Set<string>, text: string[]): void {
  for (const n of nodes) {
    if (n.type === LITERAL) text.push(n.value ?? '');
    else if (n.value) args.add(n.value);
    for (const branch of Object.values(n.options ?? {})) walk(branch.value, args, text);
  }
}
const partsOf = (m: MessageDescriptor) => {
  const args = new Set<string>();
  const text: string[] = [];
  walk(parse(m), args, text);
  return { args: [...args], text: text.join(' ') };
};
const entries = Object.entries(dialogCatalogues).flatMap(([catalogue, messages]) =>
  Object.entries(messages as Record<string, MessageDescriptor>).map(
    ([key, m]) => [`${catalogue}.${key}`, m] as const,
  ),
);

test('every message has an id under georep.start / georep.ssh and an English default', () => {
  expect(ours.length).toBeGreaterThan(100);
  for (const m of ours) {
    expect(m.id).toMatch(/^georep\.(start|ssh)\./);
    expect(typeof m.defaultMessage).toBe('string');
    expect((m.defaultMessage as string).trim()).not.toBe('');
  }
});

test('ids are unique, here and against the tab’s catalogue', () => {
  const ids = [
    ...ours,
    ...flatten([
      ...Object.values(tab),
      ...Object.values(details),
      ...Object.values(volumeTab),
      ...Object.values(dialogs),
      ...Object.values(options),
    ]),
  ].map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
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
  for (const m of ours) {
    const names = [...(m.defaultMessage as string).matchAll(/\{\s*(\w+)\s*[,}]/g)].map(
      (x) => x[1]!,
    );
    const text = intl.formatMessage(m, Object.fromEntries(names.map((n) => [n, 2])));
    expect(text).not.toMatch(/[{}]/);
  }
  expect(errors).toEqual([]);
});

test('every message has a description for translators that says what each placeholder holds', () => {
  expect(entries.length).toBeGreaterThan(250);
  const missing: string[] = [];
  for (const [name, m] of entries) {
    const description = typeof m.description === 'string' ? m.description.trim() : '';
    if (!description) missing.push(`${name}: no description`);
    else if (description === m.defaultMessage) missing.push(`${name}: repeats the English`);
    for (const arg of partsOf(m).args)
      if (!description.includes(`{${arg}}`)) missing.push(`${name}: {${arg}} not described`);
  }
  expect(missing).toEqual([]);
});

test('one word for each side of a session: primary and secondary, never source or remote', () => {
  // The English the user reads, without placeholder names (those are code: {remote} stays).
  const found = entries
    .filter(([, m]) => /\b(source|remote)\b/i.test(partsOf(m).text))
    .map(([name, m]) => `${name}: ${m.defaultMessage as string}`);
  expect(found).toEqual([]);
  // The fields the Start dialog shows, as the glossary has them.
  expect(startMessages.sourceSection.defaultMessage).toBe('Primary');
  expect(startMessages.remoteSection.defaultMessage).toBe('Secondary');
  expect(startMessages.volume.defaultMessage).toBe('Primary volume');
  expect(startMessages.remoteHost.defaultMessage).toBe('Secondary Host');
  expect(startMessages.remoteTarget.defaultMessage).toBe('Secondary Volume/Path');
  expect(startMessages.user.defaultMessage).toBe('Secondary user');
  expect(startMessages.group.defaultMessage).toBe('Secondary group');
});

test('hostKeyFile names the file ssh-keygen -lf reads for each key type', () => {
  expect(hostKeyFile('ssh-ed25519')).toBe('/etc/ssh/ssh_host_ed25519_key.pub');
  expect(hostKeyFile('ecdsa-sha2-nistp256')).toBe('/etc/ssh/ssh_host_ecdsa_key.pub');
  expect(hostKeyFile('ssh-rsa')).toBe('/etc/ssh/ssh_host_rsa_key.pub');
  expect(hostKeyFile('sk-ssh-ed25519@openssh.com')).toBe('/etc/ssh/ssh_host_ed25519_key.pub');
});

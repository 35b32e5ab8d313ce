// The Start and Passwordless SSH catalogues: complete English, ids unique (also against the tab's
// own catalogue), every message valid ICU that formats with its arguments.
import { createIntl, type MessageDescriptor } from 'react-intl';
import * as dialogs from '../../../src/app/dialogMessages';
import * as tab from '../../../src/app/messages';
import * as options from '../../../src/app/optionsMessages';
import { hostKeyFile, sshMessages, startMessages } from '../../../src/app/start/messages';

const flatten = (catalogues: object[]): MessageDescriptor[] =>
  catalogues.flatMap((c) => Object.values(c as Record<string, MessageDescriptor>));

const ours = flatten([startMessages, sshMessages]);

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
    ...flatten([...Object.values(tab), ...Object.values(dialogs), ...Object.values(options)]),
  ].map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('every message is valid ICU and formats with its arguments (no stray braces or tags)', () => {
  const errors: string[] = [];
  const intl = createIntl({
    locale: 'en-US',
    messages: {},
    onError: (e) => void (String(e.code) !== 'MISSING_TRANSLATION' && errors.push(e.message)),
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

test('hostKeyFile names the file ssh-keygen -lf reads for each key type', () => {
  expect(hostKeyFile('ssh-ed25519')).toBe('/etc/ssh/ssh_host_ed25519_key.pub');
  expect(hostKeyFile('ecdsa-sha2-nistp256')).toBe('/etc/ssh/ssh_host_ecdsa_key.pub');
  expect(hostKeyFile('ssh-rsa')).toBe('/etc/ssh/ssh_host_rsa_key.pub');
  expect(hostKeyFile('sk-ssh-ed25519@openssh.com')).toBe('/etc/ssh/ssh_host_ed25519_key.pub');
});

// The stand-in for aaa-jdbc's user store (the `internal` profile's users, which the real
// ovirt-aaa-jdbc-tool keeps in the engine's database): a JSON file that the ovirt-aaa-jdbc-tool
// stand-in (dev/aaa-jdbc-tool.cjs) writes and the engine emulator's SSO and `POST /users` read.
// Passwords are kept as salted SHA-256, never in clear. Plain CommonJS so the tool stand-in runs
// on the system node alone, as the real tool runs on its own.
'use strict';
const nodeCrypto = require('node:crypto');
const fs = require('node:fs');

function load(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return { users: {} };
    throw e;
  }
}

function save(file, store) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(store, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function hashPassword(password, salt = nodeCrypto.randomBytes(16).toString('hex')) {
  return `${salt}$${nodeCrypto.createHash('sha256').update(`${salt}:${password}`).digest('hex')}`;
}

/**
 * aaa-jdbc's authentication (core/Authentication.java): 'ok', 'bad' for an unknown user or a wrong
 * password, 'expired' for a password past its validity (the tool's --password-valid-to, default
 * now), 'nopass' for a user whose password was never set.
 */
function check(file, name, password) {
  const u = load(file).users[name];
  if (!u) return 'bad';
  if (!u.password) return 'nopass';
  const [salt] = u.password.split('$');
  if (hashPassword(password, salt) !== u.password) return 'bad';
  if (u.password_valid_to <= Date.now()) return 'expired';
  return 'ok';
}

module.exports = { load, save, hashPassword, check };

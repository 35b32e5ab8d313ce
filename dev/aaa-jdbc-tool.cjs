#!/usr/bin/env node
// A stand-in for ovirt-aaa-jdbc-tool (oVirt/ovirt-engine-extension-aaa-jdbc, binding/cli/Cli.java
// and cli/arguments.properties), for the `user show|add|password-reset` commands
// ovirt-gluster-georep-setup runs, with the real tool's exit statuses (0 success, 1 general error,
// 2 argument error, 4 not found, 5 already exists) and argument rules. Its store is the file named
// by AAA_JDBC_STORE (dev/aaa-jdbc-store.cjs), which the engine emulator reads.
'use strict';
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const store = require('./aaa-jdbc-store.cjs');

const SUCCESS = 0;
const GENERAL_ERROR = 1;
const ARGUMENT_PARSING_ERROR = 2;
const NOT_FOUND = 4;
const ALREADY_EXISTS = 5;
// root-user-*.arg.*.matcher in arguments.properties
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[\w\-+:]+$/;
const ATTRIBUTE = /^(displayName|email|description|firstName|lastName|department|title)=.+$/s;
const PASSWORD = /^((pass:\S*)|(env:\S*)|(file:\S*)|interactive:|none:)$/;

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const file = process.env.AAA_JDBC_STORE;
if (!file)
  fail(GENERAL_ERROR, 'AAA_JDBC_STORE is not set (the stand-in store of the internal profile)');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--db-config='));
const [entity, command, userName, ...opts] = args;
if (entity !== 'user' || !['show', 'add', 'password-reset'].includes(command ?? ''))
  fail(ARGUMENT_PARSING_ERROR, `stand-in: unsupported command: ${args.slice(0, 2).join(' ')}`);
if (!userName || userName.startsWith('-')) fail(ARGUMENT_PARSING_ERROR, 'a user name is expected');

const options = [];
for (const o of opts) {
  const m = /^--([a-z-]+)=(.*)$/s.exec(o);
  if (!m) fail(ARGUMENT_PARSING_ERROR, `Invalid argument: ${o}`);
  options.push([m[1], m[2]]);
}
const one = (key) => options.filter(([k]) => k === key).map(([, v]) => v)[0];

const s = store.load(file);
const user = s.users[userName];

if (command === 'show') {
  if (!user) fail(NOT_FOUND, `user ${userName} not found`);
  process.stdout.write(
    `-- User ${userName}(${user.id}) --\nNamespace: *\nName: ${userName}\n` +
      Object.entries(user.attributes)
        .map(([k, v]) => `${k}: ${v}\n`)
        .join(''),
  );
  process.exit(SUCCESS);
}

if (command === 'add') {
  const attributes = {};
  for (const [k, v] of options) {
    if (k !== 'attribute') fail(ARGUMENT_PARSING_ERROR, `Invalid argument for user add: --${k}`);
    if (!ATTRIBUTE.test(v)) fail(ARGUMENT_PARSING_ERROR, `Invalid attribute: ${v}`);
    const i = v.indexOf('=');
    attributes[v.slice(0, i)] = v.slice(i + 1);
  }
  if (user) fail(ALREADY_EXISTS, `user ${userName} already exists`);
  s.users[userName] = { id: randomUUID(), attributes, password: null, password_valid_to: 0 };
  store.save(file, s);
  process.stdout.write(
    `adding user ${userName}...\nuser added successfully\nNote: by default created user cannot log in. see:\novirt-aaa-jdbc-tool user password-reset --help.\n`,
  );
  process.exit(SUCCESS);
}

// password-reset
const spec = one('password');
if (spec === undefined) fail(ARGUMENT_PARSING_ERROR, 'Missing required argument --password');
if (!PASSWORD.test(spec))
  fail(ARGUMENT_PARSING_ERROR, `Invalid password format: ${spec.split(':')[0]}:`);
const validTo = one('password-valid-to');
if (validTo !== undefined && !DATE.test(validTo))
  fail(ARGUMENT_PARSING_ERROR, `Invalid date for --password-valid-to: ${validTo}`);
for (const [k] of options)
  if (!['password', 'password-valid-to', 'force', 'encrypted'].includes(k))
    fail(ARGUMENT_PARSING_ERROR, `Invalid argument for user password-reset: --${k}`);
if (!user) fail(NOT_FOUND, `user ${userName} not found`);
const [type, ...rest] = spec.split(':');
const value = rest.join(':');
let password;
if (type === 'pass') password = value;
else if (type === 'env') password = process.env[value];
else if (type === 'file') password = fs.readFileSync(value, 'utf8').split('\n')[0];
else if (type === 'none') password = '';
else fail(GENERAL_ERROR, 'stand-in: interactive passwords are not supported');
if (password === undefined) fail(GENERAL_ERROR, `environment ${value} is not set`);
// The real tool's default for --password-valid-to is now(): such a password is already expired.
const until = validTo === undefined ? Date.now() : Date.parse(validTo.replace(' ', 'T'));
user.password = password ? store.hashPassword(password) : null;
user.password_valid_to = until;
store.save(file, s);
process.stdout.write(`updating user ${userName}...\nuser updated successfully\n`);
process.exit(SUCCESS);

// A bounded fuzz run of hostile inputs over every field that can reach a command: the shared rules
// (12,000 inputs, each field) and the service itself over HTTP (1,500 requests against the engine
// emulator and the Gluster simulator, every argv that reaches Gluster recorded). Prints what it
// tried and what was accepted; an accepted input that an independent check refuses (for option
// values: the model of gsyncd's own command lines, test/support/gsyncd-model.ts) fails the run.
//
//   npx tsx bench/fuzz-hostile.ts [--seed N] [--rules N] [--http N]
import fc from 'fast-check';
import { defaultLab, LAB_IDS } from '../dev/lab';
import { checkCreateInput } from '../server/domain';
import { createGlusterClient } from '../server/gluster/client';
import type { GlusterExec } from '../server/gluster/exec';
import { demoSimulator } from '../dev/sim/gluster';
import { createSimSshTrust } from '../dev/sim/ssh';
import { validateKeyLocation } from '../server/ssh/validate';
import { GEOREP_OPTIONS, validateOptionValue } from '../src/georep/options';
import { GRAMMAR_OPTIONS } from '../src/georep/optionGrammar';
import { normalizePath, validateRemoteHost } from '../src/georep/validation';
import { violations } from '../test/support/gsyncd-model';
import { PROD, startStack } from '../test/support/service-harness';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const SEED = arg('seed', 11);
const RULES = arg('rules', 12_000);
const HTTP = arg('http', 1_500);

// ------------------------------------------------------------------ hostile text

const FRAGMENTS = [
  ';',
  '|',
  '&&',
  '$(id)',
  '`id`',
  '${IFS}',
  '>',
  '<',
  "'",
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u00a0',
  '\u2028',
  'о',
  ' ',
  '  ',
  '..',
  '../',
  '/',
  '//',
  '~',
  '%d',
  '%u',
  '*',
  '?',
  '[',
  ']',
  '-',
  '--',
  '-o',
  '-oProxyCommand=',
  'ProxyCommand=',
  'proxycommand=',
  '-F',
  '-e',
  '--rsh=',
  '--rsync-path=',
  '--files-from=',
  '--log-file=',
  '-M',
  '-J',
  '-E',
  '-i',
  'LocalCommand=',
  'KnownHostsCommand=',
  'Include=',
  'Match exec',
  'volfile-server=',
  'log-file=',
  '--remote-host=',
  'localhost',
  'LOCALHOST.',
  '127.0.0.1',
  '0.0.0.0',
  '::1',
  '169.254.1.1',
  '2130706433',
  '/etc/shadow',
  '/tmp/x',
  '/bin/sh',
  '/root/.ssh/',
  '/var/lib/glusterd/geo-replication/secret.pem',
  'secret.pem',
  'gprod1.lab.example',
  'evil.example',
  'root',
  'geoaccount',
  'vol',
  'x',
  'A',
  '0',
  '65536',
  '-1',
  'ssh',
  'rsync',
  '/usr/bin/',
  '/usr/sbin',
  'aux-gfid-mount',
  'acl',
  '--bwlimit=',
  '100',
  '--exclude=',
  'Compression=yes',
  '-oCompression=yes',
  KEYFILE(),
  'now',
  '2026-01-01 00:00:00',
];
function KEYFILE(): string {
  return '/var/lib/glusterd/geo-replication/tar_ssh.pem';
}
const hostile = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 })
      .map((a) => a.join('')),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 })
      .map((a) => a.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((x) => x.repeat(20)) },
);
const sample = (n: number, seed: number): string[] => fc.sample(hostile, { numRuns: n, seed });

// ------------------------------------------------------------------ independent checks

const INERT_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const INERT_USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
const KEY_PATH =
  /^(\/root|~|\/home\/[A-Za-z_][A-Za-z0-9_.-]*)\/\.ssh\/[A-Za-z0-9_+@=,-][A-Za-z0-9._+@=,-]*$/;

type Field = string;
interface Tally {
  tried: number;
  accepted: number;
  wrong: string[];
}
const tally = new Map<Field, Tally>();
function note(field: Field, accepted: boolean, problem: string | null, input: string): void {
  const t = tally.get(field) ?? { tried: 0, accepted: 0, wrong: [] };
  t.tried++;
  if (accepted) {
    t.accepted++;
    if (problem) t.wrong.push(`${JSON.stringify(input)}: ${problem}`);
  }
  tally.set(field, t);
}

// ------------------------------------------------------------------ the rules

function fuzzRules(): void {
  const settable = GEOREP_OPTIONS.filter((o) => !o.read_only).map((o) => o.name);
  const inputs = sample(RULES, SEED);
  inputs.forEach((v, i) => {
    // Option values, round-robin over every settable option (typed ones included).
    const name = settable[i % settable.length]!;
    const ok = validateOptionValue(name, v) === null;
    const bad = ok && GRAMMAR_OPTIONS.includes(name) ? violations({ [name]: v }) : [];
    note(`option ${name}`, ok, bad.length ? bad.join('; ') : null, v);

    // Create / preflight fields.
    const field = [
      'primary_volume',
      'secondary_volume',
      'secondary_host',
      'secondary_user',
      'secondary_group',
      'secondary_path',
    ][i % 6]!;
    const body: Record<string, unknown> = {
      primary_volume: 'home',
      source_host_id: LAB_IDS.hostProd1,
      secondary_host: 'backup.remote.example',
      secondary_volume: 'home-backup',
      [field]: v,
    };
    if (field === 'secondary_path') delete body.secondary_volume;
    if (field === 'secondary_group') body.secondary_user = 'geoaccount';
    let accepted: ReturnType<typeof checkCreateInput> | null;
    try {
      accepted = checkCreateInput(body as never);
    } catch {
      accepted = null;
    }
    let problem: string | null = null;
    if (accepted) {
      if (
        field === 'secondary_host' &&
        (!/^[A-Za-z0-9.-]+$/.test(v) || validateRemoteHost(v) !== null)
      )
        problem = 'not an inert remote host';
      if ((field === 'primary_volume' || field === 'secondary_volume') && !INERT_NAME.test(v))
        problem = 'not an inert volume name';
      if ((field === 'secondary_user' || field === 'secondary_group') && !INERT_USER.test(v))
        problem = 'not an inert user name';
      if (field === 'secondary_path') {
        const norm = normalizePath(v);
        if (!norm || norm.split('/').includes('..') || !/^\/[A-Za-z0-9._+@=,~%/-]+$/.test(norm))
          problem = 'not an inert path';
      }
    }
    note(`create ${field}`, accepted !== null, problem, v);

    // The private key path of passwordless SSH set-up.
    const kp = validateKeyLocation(v, i % 2 ? 'root' : 'geoaccount') === null;
    note(
      'ssh private_key_path',
      kp,
      kp && (!KEY_PATH.test(v) || /(^|\/)(secret|tar_ssh)\.pem$/.test(v))
        ? 'outside an .ssh folder'
        : null,
      v,
    );
    // The remote host of the SSH routes.
    const rh = validateRemoteHost(v) === null;
    note('ssh remote_host', rh, rh && !/^[A-Za-z0-9.-]+$/.test(v) ? 'not an inert host' : null, v);
  });
}

// ------------------------------------------------------------------ the service

async function fuzzHttp(): Promise<{
  status: Map<number, number>;
  argvs: number;
  badArgv: string[];
}> {
  const lab = defaultLab();
  const sim = demoSimulator(lab);
  const argvBad: string[] = [];
  let argvs = 0;
  // Every argv that reaches Gluster, as the exec layer sees it.
  const exec: GlusterExec = {
    run(node, argv, opts) {
      argvs++;
      for (const a of argv)
        // eslint-disable-next-line no-control-regex
        if (typeof a !== 'string' || /[\u0000-\u001f\u007f]/.test(a))
          argvBad.push(JSON.stringify(argv));
      return sim.run(node, argv, opts);
    },
  };
  const s = await startStack({
    lab,
    gluster: createGlusterClient(exec),
    service: { ssh: createSimSshTrust(lab), resolveHost: () => Promise.resolve([]) },
  });
  const status = new Map<number, number>();
  try {
    const sessions = (await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)).json<{
      georep_session: { id: string; primary_volume: string }[];
    }>();
    const sid = sessions.georep_session.find((x) => x.primary_volume === 'home')!.id;
    const inputs = sample(HTTP, SEED + 1);
    const grammar = [...GRAMMAR_OPTIONS];
    for (let i = 0; i < inputs.length; i++) {
      const v = inputs[i]!;
      let res;
      let field: string;
      switch (i % 4) {
        case 0: {
          const name = grammar[i % grammar.length]!;
          field = `PUT config ${name}`;
          res = await s.call(
            'admin@internal',
            'PUT',
            `/clusters/${PROD}/sessions/${sid}/config/${name}`,
            { value: v },
          );
          note(
            field,
            res.statusCode === 200,
            res.statusCode === 200 && violations({ [name]: v }).length ? 'gsyncd model' : null,
            v,
          );
          break;
        }
        case 1: {
          const f = ['secondary_host', 'secondary_volume', 'primary_volume', 'secondary_user'][
            Math.floor(i / 4) % 4
          ]!;
          field = `POST preflight ${f}`;
          res = await s.call('admin@internal', 'POST', `/clusters/${PROD}/preflight`, {
            primary_volume: 'home',
            secondary_host: 'backup.remote.example',
            secondary_volume: 'home-backup',
            ...(f === 'secondary_user' ? { secondary_group: 'geogroup' } : {}),
            [f]: v,
          });
          note(field, res.statusCode === 200, null, v);
          break;
        }
        case 2: {
          field = 'POST ssh/verify private_key_path';
          res = await s.call(
            'admin@internal',
            'POST',
            `/clusters/${PROD}/hosts/${LAB_IDS.hostProd1}/ssh/verify`,
            {
              user: 'root',
              remote_host: 'backup.remote.example',
              private_key_path: v,
            },
          );
          note(
            field,
            res.statusCode === 200,
            res.statusCode === 200 && !KEY_PATH.test(v) ? 'outside an .ssh folder' : null,
            v,
          );
          break;
        }
        default: {
          field = 'POST ssh/remote-key remote_host';
          res = await s.call(
            'admin@internal',
            'POST',
            `/clusters/${PROD}/hosts/${LAB_IDS.hostProd1}/ssh/remote-key`,
            { remote_host: v },
          );
          note(
            field,
            res.statusCode === 200,
            res.statusCode === 200 && !/^[A-Za-z0-9.-]+$/.test(v) ? 'not an inert host' : null,
            v,
          );
        }
      }
      status.set(res.statusCode, (status.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500 && res.statusCode !== 502 && res.statusCode !== 504)
        note(
          `${field} (server error)`,
          true,
          `HTTP ${res.statusCode}: ${res.body.slice(0, 120)}`,
          v,
        );
    }
  } finally {
    await s.close();
  }
  return { status, argvs, badArgv: argvBad };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  fuzzRules();
  const t1 = Date.now();
  const http = await fuzzHttp();
  const t2 = Date.now();
  let tried = 0;
  let accepted = 0;
  let wrong = 0;
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(
    `${'field'.padEnd(52)} ${'tried'.padStart(6)} ${'accepted'.padStart(9)} ${'accepted but refused by the independent check'.padStart(8)}`,
  );
  for (const [field, t] of rows) {
    tried += t.tried;
    accepted += t.accepted;
    wrong += t.wrong.length;
    console.log(
      `${field.padEnd(52)} ${String(t.tried).padStart(6)} ${String(t.accepted).padStart(9)} ${String(t.wrong.length).padStart(8)}`,
    );
    for (const w of t.wrong.slice(0, 5)) console.log(`    ${w.slice(0, 200)}`);
  }
  console.log(
    `\n${tried} hostile inputs tried (rules ${RULES} x 4 fields in ${t1 - t0} ms, service ${HTTP} requests in ${t2 - t1} ms, seed ${SEED}); ${accepted} accepted; ${wrong} accepted that the rules refuse.`,
  );
  console.log(
    `HTTP answers: ${[...http.status.entries()]
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
  );
  console.log(
    `argv reaching Gluster: ${http.argvs}, with a control character or not a string: ${http.badArgv.length}`,
  );
  if (wrong > 0 || http.badArgv.length > 0) process.exit(1);
}

void main();

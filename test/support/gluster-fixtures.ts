// Real Gluster 10.3 CLI outputs (captured on a real node): X.xml (stdout), X.xml.stderr, X.xml.meta
// (`cmd: ...`, `rc: N`). GLUSTER_FIXTURES overrides where they are.
import fs from 'node:fs';
import path from 'node:path';
import type { ExecResult } from '../../server/gluster/exec';

export const FIXTURES =
  process.env.GLUSTER_FIXTURES ?? path.resolve(__dirname, '../fixtures/gluster-10.3');

export interface Fixture extends ExecResult {
  name: string;
  /** The command line that produced it, when the .meta file says. */
  cmd: string | null;
}

export function fixture(name: string): Fixture {
  const file = path.join(FIXTURES, name);
  const stdout = fs.readFileSync(file, 'utf8');
  const read = (ext: string) =>
    fs.existsSync(file + ext) ? fs.readFileSync(file + ext, 'utf8') : null;
  const meta = read('.meta') ?? '';
  const rc = /^rc: (-?\d+)$/m.exec(meta);
  const cmd = /^cmd: (.*)$/m.exec(meta);
  return {
    name,
    stdout,
    stderr: read('.stderr') ?? '',
    code: rc ? Number(rc[1]) : 0,
    cmd: cmd ? cmd[1]! : null,
  };
}

/** Every `.xml` fixture, `extra/` included. */
export function allXmlFixtures(): string[] {
  const top = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xml'));
  const extraDir = path.join(FIXTURES, 'extra');
  const extra = fs.existsSync(extraDir)
    ? fs
        .readdirSync(extraDir)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => `extra/${f}`)
    : [];
  return [...top, ...extra].sort();
}

/** Gluster before 10 wrote master/slave where 10 writes primary/secondary: the same XML, old tags. */
export function toPre10(xml: string): string {
  const rename: [string, string][] = [
    ['session_secondary', 'session_slave'],
    ['primary_node_uuid', 'master_node_uuid'],
    ['primary_node', 'master_node'],
    ['primary_brick', 'master_brick'],
    ['secondary_user', 'slave_user'],
    ['secondary_node', 'slave_node'],
    ['secondary', 'slave'],
    ['primary', 'master'],
  ];
  let out = xml;
  for (const [from, to] of rename) {
    out = out.replace(new RegExp(`<(/?)${from}(/?)>`, 'g'), `<$1${to}$2>`);
  }
  return out;
}

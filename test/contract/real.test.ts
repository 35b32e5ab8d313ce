// The geo-replication contract against REAL Gluster: the lab of lab/gluster-lab.sh on this machine.
//   bash lab/gluster-lab.sh up && GLUSTER_LAB=1 npx jest test/contract/real.test.ts
// Commands go over SSH to the lab's sshd (sshExec, host key checked against the lab's known_hosts),
// as the service reaches Gluster nodes; GLUSTER_LAB_EXEC=local runs them with localExec instead.
import fs from 'node:fs';
import path from 'node:path';
import { createGlusterClient } from '../../server/gluster/client';
import { localExec } from '../../dev/gluster-exec-local';
import { sshExec } from '../../server/gluster/exec-ssh';
import { execProbe } from '../../server/gluster/probe';
import { georepContractSuite } from './suite';

const ROOT = path.resolve(__dirname, '../..');
const ENV_FILE = path.join(ROOT, 'lab', 'lab.env');

function readEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

function need(env: Record<string, string>, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`${ENV_FILE} has no ${name}; run \`bash lab/gluster-lab.sh up\` again`);
  return v;
}

/** A path inside `root`, refusing anything that would leave it. */
function inside(root: string, rel: string): string {
  const p = path.resolve(root, rel);
  if (!p.startsWith(root + path.sep)) throw new Error(`${rel} leaves ${root}`);
  return p;
}

const skipReason =
  process.env.GLUSTER_LAB !== '1'
    ? 'real Gluster lab not requested: run `bash lab/gluster-lab.sh up`, then GLUSTER_LAB=1 npx jest test/contract/real.test.ts'
    : !fs.existsSync(ENV_FILE)
      ? 'GLUSTER_LAB=1 but lab/lab.env is missing: run `bash lab/gluster-lab.sh up` first'
      : null;

if (skipReason) {
  describe('geo-replication contract: real Gluster lab', () => {
    it.skip(skipReason, () => undefined);
  });
} else {
  const lab = readEnvFile(ENV_FILE);
  const viaSsh = process.env.GLUSTER_LAB_EXEC !== 'local';

  georepContractSuite(
    `real Gluster ${lab.LAB_GLUSTER_VERSION ?? ''} lab (${viaSsh ? 'over SSH' : 'local CLI'})`,
    async () => {
      const host = need(lab, 'LAB_HOST');
      const sshPort = Number(need(lab, 'LAB_SSH_PORT'));
      const primaryMount = need(lab, 'LAB_PRIMARY_MOUNT');
      const secondaryMount = need(lab, 'LAB_SECONDARY_MOUNT');
      for (const m of [primaryMount, secondaryMount]) {
        await fs.promises.access(m).catch(() => {
          throw new Error(`${m} is not there: is the lab up? (bash lab/gluster-lab.sh status)`);
        });
      }
      const ssh = viaSsh
        ? sshExec({
            privateKey: fs.readFileSync(need(lab, 'LAB_SSH_KEY')),
            knownHosts: fs.readFileSync(need(lab, 'LAB_SSH_KNOWN_HOSTS'), 'utf8'),
            user: lab.LAB_SSH_USER ?? 'root',
            port: sshPort,
          })
        : null;
      const exec = ssh ?? localExec();
      const client = createGlusterClient(exec);
      return {
        client,
        // the lab's only node is reached by the name Gluster prints for it
        probe: execProbe(exec),
        resolve: (n: string) => Promise.resolve(n === host ? host : null),
        node: host,
        primaryVolume: need(lab, 'LAB_PRIMARY_VOLUME'),
        secondaryHost: host,
        secondaryVolume: need(lab, 'LAB_SECONDARY_VOLUME'),
        sshPort,
        async writeFile(rel: string, content: string) {
          const p = inside(primaryMount, rel);
          await fs.promises.mkdir(path.dirname(p), { recursive: true });
          await fs.promises.writeFile(p, content);
        },
        async readSecondary(rel: string) {
          try {
            return await fs.promises.readFile(inside(secondaryMount, rel), 'utf8');
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'ENOTDIR') return null;
            throw e;
          }
        },
        async teardown() {
          await ssh?.close();
        },
      };
    },
  );

  describe('real Gluster lab: the other way to run gluster', () => {
    it(`${viaSsh ? 'localExec' : 'sshExec'} sees the lab volumes and the pool`, async () => {
      const other = viaSsh
        ? localExec()
        : sshExec({
            privateKey: fs.readFileSync(need(lab, 'LAB_SSH_KEY')),
            knownHosts: fs.readFileSync(need(lab, 'LAB_SSH_KNOWN_HOSTS'), 'utf8'),
            port: Number(need(lab, 'LAB_SSH_PORT')),
          });
      try {
        const client = createGlusterClient(other);
        const vols = await client.volumeInfo(need(lab, 'LAB_HOST'));
        expect(vols.map((v) => v.name)).toEqual(
          expect.arrayContaining([
            need(lab, 'LAB_PRIMARY_VOLUME'),
            need(lab, 'LAB_SECONDARY_VOLUME'),
          ]),
        );
        const primary = await client.volumeInfo(
          need(lab, 'LAB_HOST'),
          need(lab, 'LAB_PRIMARY_VOLUME'),
        );
        expect(primary[0]!.bricks[0]!.host).toBe(need(lab, 'LAB_HOST'));
        await expect(client.volumeInfo(need(lab, 'LAB_HOST'), 'no-such-volume')).rejects.toThrow(
          /does not exist/,
        );
        expect(Array.isArray(await client.peerStatus(need(lab, 'LAB_HOST')))).toBe(true);
        await client.gsecCreate(need(lab, 'LAB_HOST'));
      } finally {
        if ('close' in other) await (other as { close(): Promise<void> }).close();
      }
    }, 60_000);
  });
}

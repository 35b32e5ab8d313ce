// A directory on the remote as the target, against REAL Gluster: the lab of lab/gluster-lab.sh on
// this machine, which is at once the cluster host and the remote.
//   bash lab/gluster-lab.sh status && GLUSTER_LAB=1 npx jest test/contract/directory-real.test.ts
// The service's path, both hops over SSH: service -> cluster host with the lab's key (ssh2,
// host key checked), then on the host `ssh -p <port> -o BatchMode=yes root@<remote> gluster ...`
// with the lab's key and known_hosts (GLUSTER_LAB_EXEC=local runs the first hop with `sh -c`).
// It provisions a volume on a new directory under a temporary directory, reads it back with
// `gluster volume info`, creates a geo-replication session from the lab's primary volume into it
// (not started: the lab's own session is left alone), deletes the session, then removes the
// volume, and checks that the directory's data is still there. Every XML answer of a volume
// command is compared, element by element, with the simulator's answer to the same command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { defaultLab } from '../../dev/lab';
import { createGlusterClient } from '../../server/gluster/client';
import { localExec } from '../../dev/gluster-exec-local';
import { sshExec } from '../../server/gluster/exec-ssh';
import {
  localHostShell,
  provisionDirectoryVolume,
  PROVISIONED_OPTION,
  removeProvisionedVolume,
  sshHostShell,
  sshRemoteGluster,
  type RemoteGluster,
  type RemoteLogin,
} from '../../server/gluster/provision';
import { demoSimulator, simRemoteGluster } from '../../dev/sim/gluster';
import type { SessionKey } from '../../src/georep/types';
import { checkDirectoryTarget } from '../../src/georep/validation';

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

const skipReason =
  process.env.GLUSTER_LAB !== '1'
    ? 'real Gluster lab not requested: check `bash lab/gluster-lab.sh status`, then GLUSTER_LAB=1 npx jest test/contract/directory-real.test.ts'
    : !fs.existsSync(ENV_FILE)
      ? 'GLUSTER_LAB=1 but lab/lab.env is missing: the lab is not up (bash lab/gluster-lab.sh up)'
      : null;

/**
 * The elements of a gluster XML answer as paths (names and nesting; no text, no counts), for
 * comparing real and simulated answers: the same vocabulary in the same places.
 */
function shape(xml: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (close) stack.pop();
    else {
      out.push([...stack, name].join('/'));
      if (!selfClose) stack.push(name!);
    }
  }
  return [...new Set(out)].sort();
}

/** A RemoteGluster that keeps each answer by its verb (create, set, start, info, stop, delete). */
function recording(rg: RemoteGluster, answers: Map<string, string>): RemoteGluster {
  return {
    async gluster(node, remote, argv, o) {
      const res = await rg.gluster(node, remote, argv, o);
      const i = argv.indexOf('volume');
      if (i >= 0)
        answers.set(
          argv[i + 1]! + (argv[i + 1] === 'info' && argv.length > i + 2 ? '-one' : ''),
          res.stdout,
        );
      return res;
    },
    directory: (node, remote, action, p, o) => rg.directory(node, remote, action, p, o),
  };
}

if (skipReason) {
  describe('directory target: real Gluster lab', () => {
    it.skip(skipReason, () => undefined);
  });
} else {
  const lab = readEnvFile(ENV_FILE);
  const need = (name: string): string => {
    const v = lab[name];
    if (!v) throw new Error(`${ENV_FILE} has no ${name}; run \`bash lab/gluster-lab.sh up\` again`);
    return v;
  };
  const host = need('LAB_HOST');
  const port = Number(need('LAB_SSH_PORT'));
  const keyFile = need('LAB_SSH_KEY');
  const knownHostsFile = need('LAB_SSH_KNOWN_HOSTS');
  const user = lab.LAB_SSH_USER ?? 'root';
  const viaSsh = process.env.GLUSTER_LAB_EXEC !== 'local';

  describe(`directory target: real Gluster ${lab.LAB_GLUSTER_VERSION ?? ''} lab (${viaSsh ? 'service -> host over SSH' : 'host shell local'})`, () => {
    // The remote is the lab host itself, reached from the lab host with the lab's key.
    const remote: RemoteLogin = { host, user: 'root', port };
    const shell = viaSsh
      ? sshHostShell({
          privateKey: fs.readFileSync(keyFile),
          knownHosts: fs.readFileSync(knownHostsFile, 'utf8'),
          user,
          port,
        })
      : localHostShell();
    const answers = new Map<string, string>();
    const rg = recording(
      sshRemoteGluster(shell, {
        identityFile: keyFile,
        knownHostsFile,
        strictHostKeyChecking: 'yes',
      }),
      answers,
    );
    const exec = viaSsh
      ? sshExec({
          privateKey: fs.readFileSync(keyFile),
          knownHosts: fs.readFileSync(knownHostsFile, 'utf8'),
          user,
          port,
        })
      : localExec();
    const client = createGlusterClient(exec);

    // A new directory under a fresh temporary one (the provisioning creates it).
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-dirtarget-'));
    const checked = checkDirectoryTarget(path.join(base, 'target'));
    if ('reason' in checked) throw new Error(checked.reason);
    const target = { node: host, remote, path: checked.path, volume: checked.volume };
    const key: SessionKey = {
      primary_volume: need('LAB_PRIMARY_VOLUME'),
      secondary_host: host,
      secondary_volume: target.volume,
      secondary_user: 'root',
    };

    afterAll(async () => {
      // Best effort, only what this test made: its session, its volume, then its directory (only
      // when the volume is gone: a volume whose brick directory vanished is worse than either).
      try {
        await client.stop(host, key, { force: true }).catch(() => undefined);
        await client.delete(host, key, {}).catch(() => undefined);
        let left = true;
        try {
          const vols = await client.volumeInfo(host);
          if (vols.some((v) => v.name === target.volume)) {
            await removeProvisionedVolume(
              sshRemoteGluster(shell, {
                identityFile: keyFile,
                knownHostsFile,
                strictHostKeyChecking: 'yes',
              }),
              target,
            );
          }
          left = false;
        } catch (e) {
          console.warn(
            `cleanup: could not make sure volume ${target.volume} is gone (${String(e)}); leaving ${base} in place. ` +
              `Remove both by hand once glusterd answers: gluster --mode=script volume stop ${target.volume}; gluster --mode=script volume delete ${target.volume}; rm -rf ${base}`,
          );
        }
        if (!left) {
          for (const k of ['trusted.glusterfs.volume-id', 'trusted.gfid']) {
            try {
              execFileSync('setfattr', ['-x', k, target.path], { stdio: 'ignore' });
            } catch {
              /* not set */
            }
          }
          fs.rmSync(base, { recursive: true, force: true });
        }
      } finally {
        if ('close' in exec) await (exec as { close(): Promise<void> }).close();
      }
    }, 180_000);

    it('provisions a single-brick volume on the directory, marked and started', async () => {
      expect(fs.existsSync(target.path)).toBe(false);
      const out = await provisionDirectoryVolume(rg, target);
      expect(out).toMatchObject({ name: target.volume, host, path: target.path, reused: false });
      expect(out.steps.map((s) => s.step)).toEqual([
        'inspect',
        'mkdir',
        'create',
        'mark',
        'start',
        'confirm',
      ]);
      expect(fs.statSync(target.path).isDirectory()).toBe(true);

      // gluster volume info, as the service reads volumes
      const [v] = await client.volumeInfo(host, target.volume);
      expect(v).toMatchObject({
        name: target.volume,
        status: 'Started',
        brick_count: 1,
        type: 'Distribute',
      });
      expect(v!.bricks[0]).toMatchObject({ host, path: target.path });
      expect(v!.options[PROVISIONED_OPTION]).toBe('true');
      expect(v!.id).toBe(out.id);
      // Gluster's own marks on the brick
      expect(fs.existsSync(path.join(target.path, '.glusterfs'))).toBe(true);
      expect(
        execFileSync(
          'getfattr',
          ['--absolute-names', '-e', 'hex', '-n', 'trusted.glusterfs.volume-id', target.path],
          { encoding: 'utf8' },
        ),
      ).toContain(`=0x${out.id.replace(/-/g, '')}`);
    }, 120_000);

    it('provisioning the same directory again reuses the volume', async () => {
      const again = await provisionDirectoryVolume(rg, target);
      expect(again).toMatchObject({ name: target.volume, reused: true });
      expect(again.steps.map((s) => s.step)).toEqual(['inspect', 'confirm']);
    }, 60_000);

    it('a geo-replication session from the primary volume is created into it', async () => {
      await client.gsecCreate(host);
      await client.create(host, key, { ssh_port: port, push_pem: true, force: true });
      const [st] = await client.status(host, key);
      expect(st!.key).toEqual(key);
      expect(st!.workers.map((w) => w.status)).toEqual(st!.workers.map(() => 'Created'));
    }, 120_000);

    it('the session is deleted, then the volume; the directory keeps its data', async () => {
      // data in the directory: a file (as synced data would be) next to Gluster's .glusterfs
      fs.writeFileSync(path.join(target.path, 'kept.txt'), 'still here\n');
      await client.delete(host, key, {});
      await expect(client.status(host, key)).rejects.toThrow(/does not exist/);

      const removed = await removeProvisionedVolume(rg, target);
      expect(removed.steps.map((s) => s.step)).toEqual(['stop', 'delete']);
      expect(removed.detail).toMatch(/is still there/);
      await expect(client.volumeInfo(host, target.volume)).rejects.toThrow(/does not exist/);
      expect(fs.readFileSync(path.join(target.path, 'kept.txt'), 'utf8')).toBe('still here\n');
      expect(fs.existsSync(path.join(target.path, '.glusterfs'))).toBe(true);
    }, 120_000);

    it('the simulator answers each volume command with the same XML elements', async () => {
      const sim = demoSimulator(defaultLab());
      const simAnswers = new Map<string, string>();
      const srg = recording(simRemoteGluster(sim), simAnswers);
      const simTarget = {
        node: 'gprod1.lab.example',
        remote: { host: 'backup.remote.example', user: 'root', port: 22 },
        path: '/data/contract',
        volume: 'georep-data-contract',
      };
      await provisionDirectoryVolume(srg, simTarget);
      await removeProvisionedVolume(srg, simTarget);
      for (const verb of ['create', 'set', 'start', 'info-one', 'stop', 'delete']) {
        const real = answers.get(verb);
        expect({ verb, real: !!real }).toEqual({ verb, real: true });
        expect({ verb, shape: shape(simAnswers.get(verb) ?? '') }).toEqual({
          verb,
          shape: shape(real!),
        });
      }
      // volSet's words, captured
      expect(answers.get('set')).toContain('<output>Set volume successful</output>');
    }, 60_000);
  });
}

// gsyncd's key, as create-and-start waits for it (server/pushPem.ts), asked of REAL OpenSSH and a
// REAL gsyncd forced command on the lab: push-pem's hook step (`system:: execute add_secret_pub`)
// makes the secondary accept it — gsyncd then refuses `true` (exit 1), which is a login — a user
// without it is refused (ssh's own 255), and a port nobody listens on cannot tell. Run:
//   bash lab/gluster-lab.sh up && GLUSTER_LAB=1 npx jest test/contract/gsyncd-key-real.test.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { LAB_ENV_FILE, LAB_NODE, need, readLabEnv, realLabBackends } from '../../dev/real-lab';

jest.setTimeout(60_000);

const skipReason =
  process.env.GLUSTER_LAB !== '1'
    ? 'real Gluster lab not requested: run `bash lab/gluster-lab.sh up`, then GLUSTER_LAB=1 npx jest test/contract/gsyncd-key-real.test.ts'
    : !fs.existsSync(LAB_ENV_FILE)
      ? 'GLUSTER_LAB=1 but lab/lab.env is missing: run `bash lab/gluster-lab.sh up` first'
      : null;

if (skipReason) {
  describe("gsyncd's key on the secondary: real Gluster lab", () => {
    it.skip(skipReason, () => undefined);
  });
} else {
  describe("gsyncd's key on the secondary: real Gluster lab", () => {
    const env = readLabEnv();
    const host = need(env, 'LAB_HOST');
    const port = Number(need(env, 'LAB_SSH_PORT'));
    const b = realLabBackends(env);
    afterAll(() => b.close());

    it('is accepted once the hook step that installs it ran', async () => {
      const r = spawnSync(
        'gluster',
        [
          '--mode=script',
          'system::',
          'execute',
          'add_secret_pub',
          'root',
          'geo-replication/common_secret.pem.pub',
        ],
        { encoding: 'utf8', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' } },
      );
      expect(r.status).toBe(0);
      await expect(b.ssh.gsyncdKeyAccepted(LAB_NODE, { user: 'root', host, port })).resolves.toBe(
        true,
      );
    });

    it('is refused for a user the key was never given to', async () => {
      await expect(
        b.ssh.gsyncdKeyAccepted(LAB_NODE, { user: 'georepnokey', host, port }),
      ).resolves.toBe(false);
    });

    it('cannot be told on a port nobody listens on', async () => {
      await expect(
        b.ssh.gsyncdKeyAccepted(LAB_NODE, { user: 'root', host, port: 1 }),
      ).resolves.toBeNull();
    });
  });
}

// Create push-pem returns before the secondary trusts the session: glusterd runs the
// gsync-create post hook (extras/hook-scripts/S56glusterd-geo-rep-create-post.sh: scp the
// common_secret.pem.pub, `system:: copy file`, `system:: execute add_secret_pub`, read-only on)
// after the commit, in its hooks thread (glusterd-hooks.c glusterd_hooks_post_stub_enqueue). A
// start in that window spawns a monitor whose first ssh (`gluster volume info` on the secondary,
// with gsyncd's key) is refused; the monitor exits and the session stays "Created" while start said
// it succeeded. Measured on the real lab (Gluster 10.3): the key landed ~0.2 s after the refused
// login. So create-and-start waits until the secondary accepts gsyncd's key.
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from './context';

export interface KeyWait {
  /** true: accepted; false: still refused when the wait ended; null: could not tell (not waited). */
  accepted: boolean | null;
  waitedMs: number;
}

export async function waitForGsyncdKey(
  ctx: Pick<ServiceContext, 'gsyncdKey'>,
  fromNode: string,
  target: { user: string; host: string; port: number },
  log: FastifyBaseLogger,
  now: () => number = Date.now,
): Promise<KeyWait> {
  const k = ctx.gsyncdKey;
  if (!k) return { accepted: null, waitedMs: 0 };
  const t0 = now();
  const pollMs = Math.max(10, Math.min(1_000, k.waitMs / 10));
  for (;;) {
    let accepted: boolean | null;
    try {
      accepted = await k.accepted(fromNode, target);
    } catch (err) {
      // The service cannot reach its own node to ask: start as Gluster would.
      log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'gsyncd key check failed',
      );
      accepted = null;
    }
    const waitedMs = now() - t0;
    if (accepted !== false || waitedMs >= k.waitMs) return { accepted, waitedMs };
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

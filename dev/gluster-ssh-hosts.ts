// Gluster hosts reachable over real SSH, backed by the Gluster simulator: one ssh2 server per host,
// each on its own loopback address (127.0.0.x, all on one port) with its own host key, that lets
// in one client key and runs `gluster ...` command lines on the simulator as the host named by
// that address. The engine emulator's lab then lists the hosts at those addresses with those keys,
// as the engine pins a host's key when it deploys it: the installed service can be run against
// them with nothing but its own settings (the RPM test, test/rpm/).
import { fingerprintOfBlob } from '../server/ssh/keys';
import { Server, utils, type Connection, type ParsedKey } from 'ssh2';
import { parse } from 'shell-quote';
import type { GlusterExec } from '../server/gluster/exec';

export interface SshHost {
  /** The address the SSH server listens on (and the engine lists). */
  address: string;
  /** The simulator's name of the host. */
  node: string;
  /** `ssh-ed25519 AAAA...` (or the type asked for): what the engine records as host.ssh.public_key. */
  publicKey: string;
  fingerprint: string;
}

export interface SshHosts {
  port: number;
  hosts: SshHost[];
  /** Commands run, for tests: address and argv. */
  commands: { address: string; argv: string[] }[];
  close(): Promise<void>;
}

const fingerprintOf = (k: ParsedKey): string => fingerprintOfBlob(k.getPublicSSH());

/**
 * @param nodes the simulator's host names, each served at 127.0.0.<firstOctet + i>
 * @param clientPublicKey the one key allowed in (OpenSSH public key text)
 */
export async function startGlusterSshHosts(o: {
  exec: GlusterExec;
  nodes: string[];
  clientPublicKey: string;
  firstOctet?: number;
  keyType?: 'ed25519' | 'rsa';
  glusterCommand?: string;
}): Promise<SshHosts> {
  const allowed = utils.parseKey(o.clientPublicKey);
  if (allowed instanceof Error) throw allowed;
  const glusterCommand = o.glusterCommand ?? '/usr/sbin/gluster';
  const commands: SshHosts['commands'] = [];
  const servers: Server[] = [];
  const clients = new Set<Connection>();
  const hosts: SshHost[] = [];
  let port = 0;
  for (const [i, node] of o.nodes.entries()) {
    const address = `127.0.0.${(o.firstOctet ?? 10) + i}`;
    const pair =
      o.keyType === 'rsa'
        ? utils.generateKeyPairSync('rsa', { bits: 2048 })
        : utils.generateKeyPairSync('ed25519');
    const pub = utils.parseKey(pair.public) as ParsedKey;
    const server = new Server({ hostKeys: [pair.private] }, (client: Connection) => {
      clients.add(client);
      client.on('close', () => clients.delete(client));
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => {
        if (
          ctx.method === 'publickey' &&
          ctx.key.algo === allowed.type &&
          ctx.key.data.equals(allowed.getPublicSSH())
        )
          ctx.accept();
        else ctx.reject(['publickey']);
      });
      client.on('session', (accept) => {
        const session = accept();
        session.on('exec', (acceptExec, _reject, info) => {
          const stream = acceptExec();
          const words = parse(info.command);
          const argv = words.filter((w): w is string => typeof w === 'string');
          if (argv.length !== words.length || argv[0] !== glusterCommand) {
            stream.stderr.write(`sh: ${info.command.split(' ')[0]}: command not found\n`);
            stream.exit(127);
            stream.end();
            return;
          }
          commands.push({ address, argv: argv.slice(1) });
          o.exec.run(node, argv.slice(1), { timeoutMs: 60_000 }).then(
            (r) => {
              stream.write(r.stdout);
              stream.stderr.write(r.stderr);
              stream.exit(r.code);
              stream.end();
            },
            (e: unknown) => {
              stream.stderr.write(`${(e as Error).message}\n`);
              stream.exit(1);
              stream.end();
            },
          );
        });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, address, () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
    servers.push(server);
    hosts.push({
      address,
      node,
      publicKey: `${pub.type} ${pub.getPublicSSH().toString('base64')}`,
      fingerprint: fingerprintOf(pub),
    });
  }
  return {
    port,
    hosts,
    commands,
    close: () => {
      for (const c of clients) c.end();
      return Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(
        () => undefined,
      );
    },
  };
}

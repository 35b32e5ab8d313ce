// Writes the service's OpenAPI document (the one GET {prefix}/openapi.json serves, built by
// @fastify/swagger from the route schemas of the wire contract) to a file: `npm run build` puts it
// in dist/api/openapi.json, so it can be read without a token. Not at the top of dist/: that folder
// is laid out as the engine's ui-plugins, where every *.json is taken for a plugin descriptor. The service is mounted on the engine
// emulator and the simulator only to be asked for its document: nothing else is done.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import { registerEngineEmulator } from './engine';
import { defaultLab } from './lab';
import { demoSimulator } from './sim/gluster';
import { DEFAULT_PREFIX, registerGeoRepService } from '../server/app';
import { createGlusterClient } from '../server/gluster/client';
import { createSimSshTrust } from './sim/ssh';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function openApiDocument(): Promise<unknown> {
  const lab = defaultLab();
  // The service checks the token with the engine over HTTP, as behind the engine's Apache.
  const port = await freePort();
  const app = Fastify({ logger: false });
  try {
    const engine = await registerEngineEmulator(app, { lab });
    await registerGeoRepService(app, {
      engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
      gluster: createGlusterClient(demoSimulator(lab)),
      backendName: 'sim',
      // Every optional route set, so the document is the installed service's whole API.
      ssh: createSimSshTrust(lab),
    });
    await app.listen({ host: '127.0.0.1', port });
    const token = engine.login('admin@internal', 'admin');
    const r = await app.inject({
      method: 'GET',
      url: `${DEFAULT_PREFIX}/openapi.json`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (r.statusCode !== 200) throw new Error(`openapi.json: HTTP ${r.statusCode} ${r.body}`);
    return r.json();
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const out = process.argv[2] ?? 'dist/api/openapi.json';
  openApiDocument().then(
    (doc) => {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
      console.log(`wrote ${out}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

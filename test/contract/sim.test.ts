// The geo-replication contract (suite.ts, unchanged) against the Gluster simulator, through the
// same client as real Gluster. The suite waits in real time (Date.now() and setTimeout, bounds of
// tens of seconds); here time is fake and runs 50 times faster: jest's fake timers replace Date and
// setTimeout, and a real interval moves them on by 1 s every 20 ms. The simulator reads the same
// (fake) Date.now(), so its clock, the suite's checkpoint checks and its waits all agree.
import { defaultLab } from '../../dev/lab';
import { createGlusterClient } from '../../server/gluster/client';
import { GlusterSimulator, simProbe } from '../../dev/sim/gluster';
import { georepContractSuite } from './suite';

const realSetInterval = globalThis.setInterval;
const realClearInterval = globalThis.clearInterval;
let pump: ReturnType<typeof setInterval> | undefined;

beforeAll(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  pump = realSetInterval(() => jest.advanceTimersByTime(1000), 20);
});

afterAll(() => {
  if (pump) realClearInterval(pump);
  jest.useRealTimers();
});

georepContractSuite('Gluster simulator (demo lab, time x50)', async () => {
  // a third of the worker starts come up deaf, as on real Gluster 10.3 (about a quarter to a half
  // here): the suite's barriers then go through the product's stall detection and Recover
  const sim = new GlusterSimulator({ lab: defaultLab(), seed: 11, deafChance: 0.35 });
  const client = createGlusterClient(sim);
  const node = 'gprod1.lab.example';
  // the real lab ran `gsec_create` when it was set up; create push-pem needs it
  await client.gsecCreate(node);
  return {
    client,
    probe: simProbe(sim),
    resolve: (n: string) => Promise.resolve(n),
    node,
    primaryVolume: 'home',
    secondaryHost: 'gdr1.lab.example',
    secondaryVolume: 'backup-dr',
    sshPort: 22,
    writeFile(rel: string, content: string) {
      sim.writeFile('home', rel, content);
      return Promise.resolve();
    },
    readSecondary(rel: string) {
      return Promise.resolve(sim.readSecondary('gdr1.lab.example', 'backup-dr', rel));
    },
    teardown: () => Promise.resolve(),
  };
});

// The Gluster simulator: a GlusterExec that interprets the `gluster` argv as Gluster 10.3 does and
// prints what it prints (same XML, exit codes and refusals), over the demo lab (dev/lab.ts).
// `npm start` embeds demoSimulator(lab); tests build their own with a manual clock.
export {
  GlusterSimulator,
  ManualClock,
  systemClock,
  type SessionRef,
  type SimClock,
  type SimulatorOptions,
} from './simulator';
export { demoSimulator } from './demo';
export { simRemoteGluster, SimRemoteGluster } from './remote';
export { simProbe } from './probe';

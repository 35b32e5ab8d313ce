// Deterministic identities for the simulator: UUIDs, pids and ports derived from the seed and a
// name, so the same seed always yields the same output (and different seeds different UUIDs).
import { createHash } from 'node:crypto';

function digest(seed: number, name: string): Buffer {
  return createHash('sha1').update(`${seed}\u0000${name}`).digest();
}

/** A v4-shaped UUID derived from (seed, name). */
export function uuidFor(seed: number, name: string): string {
  const b = digest(seed, name);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic integer in [min, max] derived from (seed, name). */
export function intFor(seed: number, name: string, min: number, max: number): number {
  const n = digest(seed, name).readUInt32BE(0);
  return min + (n % (max - min + 1));
}

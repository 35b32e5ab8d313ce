// Why is a worker Faulty (or Stalled)? The last lines of its gsyncd.log that matter, read on its
// node (server/gluster/probe.ts), with secrets masked, and the known failures they match
// (src/georep/known-failures.ts). gluster/glusterfs#514 asks for exactly this: the Faulty logs of
// every primary node without logging in to each.
import { maskSecrets, matchKnownFailures, type KnownFailure } from '../src/georep/known-failures';
import type { KnownFailureView, SessionKey, WorkerDiagnosis } from '../src/georep/types';
import type { LogEntry, NodeProbe } from './gluster/probe';
import { errorMessage } from '../src/georep/errorMessage';

export type { KnownFailureView, WorkerDiagnosis };

/** At most this many lines, and this many characters in one (a traceback) */
const MAX_LINES = 20;
const MAX_CHARS = 4_000;

/** The entries worth showing: the last errors and warnings, and the last few others for context. */
export function relevantEntries(entries: readonly LogEntry[], max = MAX_LINES): LogEntry[] {
  const problems = entries.filter((e) => e.level === 'E' || e.level === 'W' || e.level === 'C');
  const picked = new Set(problems.slice(-Math.ceil(max * 0.75)));
  for (const e of entries.slice(-Math.max(3, max - picked.size))) picked.add(e);
  return entries.filter((e) => picked.has(e)).slice(-max);
}

export function toView(f: KnownFailure): KnownFailureView {
  return { id: f.id, title: f.title, meaning: f.meaning, remedy: f.remedy, seen_in: f.seen_in };
}

export async function diagnoseWorker(
  probe: NodeProbe,
  node: string,
  glusterNode: string,
  key: SessionKey,
  brick: string,
): Promise<WorkerDiagnosis> {
  const base = { primary_node: glusterNode, primary_brick: brick };
  try {
    const log = await probe.workerLog(node, key, brick, { maxBytes: 512 * 1024 });
    const relevant = relevantEntries(log.entries);
    const lines = relevant.map((e) => ({
      time: e.time,
      level: e.level,
      text: maskSecrets(e.text.length > MAX_CHARS ? `${e.text.slice(0, MAX_CHARS)}…` : e.text),
    }));
    return {
      ...base,
      log_file: log.file,
      lines,
      // matched over the lines shown, so that each entry is backed by a line the user sees
      known_failures: matchKnownFailures(relevant.map((e) => e.text)).map(toView),
      truncated: log.truncated,
      unavailable: null,
    };
  } catch (err) {
    return {
      ...base,
      log_file: '',
      lines: [],
      known_failures: [],
      truncated: false,
      unavailable: errorMessage(err),
    };
  }
}

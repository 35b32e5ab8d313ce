// GlusterExec on this machine: `gluster` run with execFile (no shell), a clean environment, a
// hard timeout. The node argument only names the target in errors: the local glusterd answers
// for its whole trusted pool.
import { execFile } from 'node:child_process';
import {
  GlusterTimeoutError,
  GlusterUnreachableError,
  type ExecOptions,
  type ExecResult,
  type GlusterExec,
} from '../server/gluster/exec';
import type { ProgramExec } from '../server/gluster/probe';

export interface LocalExecOptions {
  /** The gluster binary; default `gluster`, found through the clean PATH. */
  glusterCommand?: string;
  /** Environment of the gluster process; default a clean one (no pyenv/venv PATH, C.UTF-8 locale). */
  env?: NodeJS.ProcessEnv;
  /** Largest stdout/stderr accepted (bytes); default 64 MiB. */
  maxBuffer?: number;
}

/** The environment gluster runs with: nothing inherited (gsyncd must never see a pyenv python3 first in PATH). */
export const CLEAN_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  HOME: '/root',
};

export function localExec(options: LocalExecOptions = {}): GlusterExec & ProgramExec {
  const glusterCommand = options.glusterCommand ?? 'gluster';
  const env = options.env ?? CLEAN_ENV;
  const maxBuffer = options.maxBuffer ?? 64 * 1024 * 1024;
  function runWith(
    command: string,
    node: string,
    argv: readonly string[],
    opts: ExecOptions,
  ): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      execFile(
        command,
        [...argv],
        {
          env,
          timeout: opts.timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer,
          encoding: 'utf8',
          windowsHide: true,
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolve({ stdout, stderr, code: 0 });
            return;
          }
          const e = error as NodeJS.ErrnoException & {
            killed?: boolean;
            signal?: string | null;
            code?: number | string;
          };
          if (e.code === 'ENOENT') {
            reject(
              new GlusterUnreachableError(
                node,
                command === glusterCommand
                  ? `the gluster command (${command}) is not installed here`
                  : `the command ${command} is not installed here`,
              ),
            );
          } else if (e.killed || (e.signal === 'SIGKILL' && typeof e.code !== 'number')) {
            reject(new GlusterTimeoutError(node, opts.timeoutMs));
          } else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            reject(
              new GlusterUnreachableError(node, `${command} printed more than ${maxBuffer} bytes`),
            );
          } else if (typeof e.code === 'number') {
            resolve({ stdout, stderr, code: e.code });
          } else if (e.signal) {
            resolve({ stdout, stderr, code: 128 + (signalNumber(e.signal) ?? 0) });
          } else {
            reject(new GlusterUnreachableError(node, e.message));
          }
        },
      );
    });
  }
  return {
    run: (node, argv, opts) => runWith(glusterCommand, node, argv, opts),
    runProgram: (node, program, argv, opts) => runWith(program, node, argv, opts),
  };
}

function signalNumber(sig: string): number | null {
  const table: Record<string, number> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGABRT: 6,
    SIGKILL: 9,
    SIGSEGV: 11,
    SIGPIPE: 13,
    SIGTERM: 15,
  };
  return table[sig] ?? null;
}

// The one boundary between the service and Gluster: run the `gluster` CLI with an argv array on a
// node, get its output. The real implementation runs it locally or over SSH; the simulator
// interprets the argv and answers as Gluster 10.3 does (same XML, same exit codes, same refusals).
// Everything above this boundary (parsing, roll-up, validation) is shared by both.

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** Process exit code. With --xml it is 0 even when opRet says the command failed. */
  code: number;
}

export interface ExecOptions {
  /** Hard limit; on expiry the call rejects with a GlusterTimeoutError. */
  timeoutMs: number;
}

export interface GlusterExec {
  /**
   * Run `gluster` on `node` (a host name or address of a Gluster node) with `argv`
   * (everything after the program name, e.g. ['--mode=script', '--xml', 'volume', 'info']).
   * Never a shell string: each element is one argument.
   */
  run(node: string, argv: readonly string[], opts: ExecOptions): Promise<ExecResult>;
}

export class GlusterTimeoutError extends Error {
  constructor(
    readonly node: string,
    readonly timeoutMs: number,
  ) {
    super(`Gluster on ${node} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'GlusterTimeoutError';
  }
}

export class GlusterUnreachableError extends Error {
  constructor(
    readonly node: string,
    readonly cause_: string,
  ) {
    super(`Cannot reach Gluster on ${node}: ${cause_}`);
    this.name = 'GlusterUnreachableError';
  }
}

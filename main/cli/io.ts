// The CLI's output: lines on stdout and stderr, raw data on stdout (export --out -).
// When stdout's reader goes away (`lab ... | head`: EPIPE) nothing more is written there and
// the command is told, as a SIGPIPE would tell a C program; errors on stderr (a terminal that
// hung up) are ignored so that the command can still stop its run and clean up.
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Writes data to stdout as it is; resolves once it is handed to the system: true, or
   *  false when stdout's reader had gone. */
  write: (data: string | Uint8Array) => Promise<boolean>;
  isTTY: boolean;
}

export function processIo(onStdoutClosed: () => void): Io {
  let closed = false;
  process.stdout.on('error', () => {
    if (closed) return;
    closed = true;
    onStdoutClosed();
  });
  process.stderr.on('error', () => { /* nowhere left to say it */ });
  return {
    out: (s) => { if (!closed) process.stdout.write(`${s}\n`); },
    err: (s) => { process.stderr.write(`${s}\n`); },
    write: (data) => new Promise((resolve) => {
      if (closed) { resolve(false); return; }
      process.stdout.write(data, (e) => resolve(!e && !closed));
    }),
    isTTY: process.stderr.isTTY === true,
  };
}

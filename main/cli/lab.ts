// The headless CLI: `npm run lab -- <command>`. Same core as the app, no Electron.
import { LabHost } from '../core/runs/lab-host';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import type { RunHandle } from '../core/runs/run-handle';
import { scenariosCommand } from './commands/scenarios';
import { runCommand } from './commands/run';
import { runAllCommand } from './commands/run-all';
import { historyCommand } from './commands/history';
import { showCommand } from './commands/show';
import { deleteCommand } from './commands/delete';
import { compareCommand } from './commands/compare';
import { exportCommand } from './commands/export';
import { HelpRequested } from './args';
import { HELP, helpFor } from './help';
import { processIo, type Io } from './io';
import { STOP_EXIT, watchStopSignals, type StopCause } from './stop-signals';
import { EXIT, UsageError } from './usage-error';
import { StoreError, isDamage } from '../core/store/store-error';

/** Set when something outside asked the CLI to stop (a signal, or stdout's reader gone). */
let stoppedBy: StopCause | undefined;
let stopCurrent: (() => void) | undefined;
function requestStop(cause: StopCause): void {
  stoppedBy ??= cause;
  stopCurrent?.();
}

/** Commands that start processes: a host, and a stop request stopping the run cleanly. */
async function withHost(run: (host: LabHost, io: Io, onRun: (r: RunHandle) => void, interrupted: () => boolean) => Promise<number>, io: Io): Promise<number> {
  const host = new LabHost(new NodeForkPort());
  let current: RunHandle | undefined;
  stopCurrent = () => { void current?.stop(); };
  const unwatch = watchStopSignals(requestStop);
  try {
    const code = await run(host, io, (r) => { current = r; if (stoppedBy) void r.stop(); }, () => stoppedBy !== undefined);
    return stoppedBy ? STOP_EXIT[stoppedBy] : code;
  } finally {
    await host.close();
    unwatch();
  }
}

async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scenarios': return scenariosCommand(rest, io.out);
    case 'run': return withHost((host, io2, onRun, interrupted) => rest[0] === 'all'
      ? runAllCommand(host, rest.slice(1), io2, onRun, interrupted)
      : runCommand(host, rest, io2, onRun), io);
    case 'history': return historyCommand(rest, io);
    case 'show': return showCommand(rest, io);
    case 'delete': return deleteCommand(rest, io);
    case 'compare': return compareCommand(rest, io);
    case 'export': return exportCommand(rest, io);
    case 'help': io.out(helpFor(rest[0] === 'run' && rest[1] === 'all' ? 'run all' : rest[0])); return EXIT.ok;
    case '--help': case '-h': io.out(HELP); return EXIT.ok;
    case undefined: io.err(HELP); return EXIT.usage;
    default: throw new UsageError(`unknown command "${command}"\n${HELP}`);
  }
}

const argv = process.argv.slice(2);
const io = processIo(() => requestStop('SIGPIPE'));
main(argv, io).then(
  (code) => { process.exitCode = stoppedBy ? STOP_EXIT[stoppedBy] : code; },
  (e: Error) => {
    if (e instanceof HelpRequested) { io.out(helpFor(argv[0] === 'run' && argv[1] === 'all' ? 'run all' : argv[0])); process.exitCode = EXIT.ok; return; }
    if (e instanceof UsageError) { process.stderr.write(`lab: ${e.message}\n`); process.exitCode = EXIT.usage; return; }
    // The history could not keep or read something: its message says what and what to do.
    if (e instanceof StoreError) { process.stderr.write(`lab: ${e.message}\n`); process.exitCode = EXIT.runFailed; return; }
    if (isDamage(e)) { process.stderr.write(`lab: the history file is damaged (${e.message}); move it away, and the next \`lab run\` starts a new history\n`); process.exitCode = EXIT.runFailed; return; }
    process.stderr.write(`lab: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = EXIT.runFailed;
  },
);

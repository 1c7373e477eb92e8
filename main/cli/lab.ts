// The headless CLI: `npm run lab -- <command>`. A thin client of the service (LabService),
// as the desktop app is: every command asks it, none touches the kernel or the history.
import type { LabService } from '../core/service/lab-service';
import { scenariosCommand } from './commands/scenarios';
import { runCommand } from './commands/run';
import { runAllCommand } from './commands/run-all';
import { historyCommand } from './commands/history';
import { showCommand } from './commands/show';
import { deleteCommand } from './commands/delete';
import { compareCommand } from './commands/compare';
import { exportCommand } from './commands/export';
import { exitCodeFor, Refused, refusalText } from './answers';
import { HelpRequested } from './args';
import { HELP, helpFor } from './help';
import { processIo, type Io } from './io';
import type { RunControl } from './run-control';
import { STOP_EXIT, watchStopSignals, type StopCause } from './stop-signals';
import { EXIT, UsageError } from './usage-error';

/** Set when something outside asked the CLI to stop (a signal, or stdout's reader gone). */
let stoppedBy: StopCause | undefined;
let stopCurrent: (() => void) | undefined;
function requestStop(cause: StopCause): void {
  stoppedBy ??= cause;
  stopCurrent?.();
}

/** Commands that start runs: a stop request (signal, stdout gone) stops the run going on
 *  through the service; the command's service then ends every process as it closes. */
async function withSignals(command: (control: RunControl) => Promise<number>): Promise<number> {
  const control: RunControl = {
    running: (lab: LabService, runId: string) => {
      stopCurrent = () => { void lab.stop(runId); };
      if (stoppedBy) stopCurrent();
    },
    interrupted: () => stoppedBy !== undefined,
  };
  const unwatch = watchStopSignals(requestStop);
  try {
    const code = await command(control);
    return stoppedBy ? STOP_EXIT[stoppedBy] : code;
  } finally {
    stopCurrent = undefined;
    unwatch();
  }
}

async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scenarios': return scenariosCommand(rest, io);
    case 'run': return withSignals((control) => (rest[0] === 'all' ? runAllCommand(rest.slice(1), io, control) : runCommand(rest, io, control)));
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
    // The service said no: its message says what and what to do; its reason picks the exit code.
    if (e instanceof Refused) { process.stderr.write(`lab: ${refusalText(e.error)}\n`); process.exitCode = exitCodeFor(e.error); return; }
    process.stderr.write(`lab: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = EXIT.runFailed;
  },
);

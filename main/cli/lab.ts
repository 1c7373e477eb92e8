// The headless CLI: `npm run lab -- <command>`. Same core as the app, no Electron.
import { LabHost } from '../core/runs/lab-host';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import type { RunHandle } from '../core/runs/run-handle';
import { scenariosCommand } from './commands/scenarios';
import { runCommand, type Io } from './commands/run';
import { runAllCommand, RUN_ALL_USAGE } from './commands/run-all';
import { historyCommand, HISTORY_USAGE } from './commands/history';
import { showCommand, SHOW_USAGE } from './commands/show';
import { deleteCommand, DELETE_USAGE } from './commands/delete';
import { compareCommand, COMPARE_USAGE } from './commands/compare';
import { exportCommand, EXPORT_USAGE } from './commands/export';
import { RUN_USAGE } from './run-args';
import { EXIT, UsageError } from './usage-error';
import { StoreError, isDamage } from '../core/store/store-error';

const HELP = `usage: lab <command>
  lab scenarios [--json]              list the scenarios
  ${RUN_USAGE}
  ${RUN_ALL_USAGE}
  ${HISTORY_USAGE}
  ${SHOW_USAGE}
  ${DELETE_USAGE}
  ${COMPARE_USAGE}
  ${EXPORT_USAGE}
Runs are kept in a history (--db PATH, default: $XDG_DATA_HOME/process-lab/lab.sqlite).`;

/** Commands that start processes: a host, and Ctrl-C stopping the run cleanly. */
async function withHost(run: (host: LabHost, io: Io, onRun: (r: RunHandle) => void, interrupted: () => boolean) => Promise<number>, io: Io): Promise<number> {
  const host = new LabHost(new NodeForkPort());
  let current: RunHandle | undefined;
  let interrupted = false;
  const stop = () => { interrupted = true; void current?.stop(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const code = await run(host, io, (r) => { current = r; }, () => interrupted);
    return interrupted ? EXIT.interrupted : code;
  } finally {
    await host.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const io: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`), isTTY: process.stderr.isTTY === true };
  const [command, ...rest] = argv;
  switch (command) {
    case 'scenarios': return scenariosCommand(rest.includes('--json'), io.out);
    case 'run': return withHost((host, io2, onRun, interrupted) => rest[0] === 'all'
      ? runAllCommand(host, rest.slice(1), io2, onRun, interrupted)
      : runCommand(host, rest, io2, onRun), io);
    case 'history': return historyCommand(rest, io);
    case 'show': return showCommand(rest, io);
    case 'delete': return deleteCommand(rest, io);
    case 'compare': return compareCommand(rest, io);
    case 'export': return exportCommand(rest, io);
    case 'help': case '--help': io.out(HELP); return EXIT.ok;
    case undefined: io.err(HELP); return EXIT.usage;
    default: throw new UsageError(`unknown command "${command}"\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: Error) => {
    if (e instanceof UsageError) { process.stderr.write(`lab: ${e.message}\n`); process.exitCode = EXIT.usage; return; }
    // The history could not keep or read something: its message says what and what to do.
    if (e instanceof StoreError) { process.stderr.write(`lab: ${e.message}\n`); process.exitCode = EXIT.runFailed; return; }
    if (isDamage(e)) { process.stderr.write(`lab: the history file is damaged (${e.message}); move it away, and the next \`lab run\` starts a new history\n`); process.exitCode = EXIT.runFailed; return; }
    process.stderr.write(`lab: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = EXIT.runFailed;
  },
);

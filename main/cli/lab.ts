// The headless CLI: `npm run lab -- <command>`. Same core as the app, no Electron.
import { LabHost } from '../core/runs/lab-host';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import type { RunHandle } from '../core/runs/run-handle';
import { scenariosCommand } from './commands/scenarios';
import { runCommand } from './commands/run';
import { runAllCommand } from './commands/run-all';
import { EXIT, UsageError } from './usage-error';

const HELP = `usage: lab <command>
  scenarios [--json]                 list the scenarios
  run <id> [--set name=value ...] [--time-unit-ms N] [--seed N] [--timeout-s N] [--json]
                                     run one scenario
  run all [--time-unit-ms N] [--json]
                                     run every scenario with its defaults`;

async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const [command, ...rest] = argv;
  if (command === 'scenarios') return scenariosCommand(rest.includes('--json'), out);
  if (command === 'help' || command === '--help' || command === undefined) { out(HELP); return command === undefined ? EXIT.usage : EXIT.ok; }
  if (command !== 'run') throw new UsageError(`unknown command "${command}"\n${HELP}`);

  const host = new LabHost(new NodeForkPort());
  let current: RunHandle | undefined;
  let interrupted = false;
  // Ctrl-C: stop the run (every process of it is killed), then leave with 130.
  process.once('SIGINT', () => { interrupted = true; void current?.stop(); });
  process.once('SIGTERM', () => { interrupted = true; void current?.stop(); });
  try {
    const io = { out, err, isTTY: process.stderr.isTTY === true };
    const onRun = (r: RunHandle) => { current = r; };
    const code = rest[0] === 'all'
      ? await runAllCommand(host, rest.slice(1), io, onRun, () => interrupted)
      : await runCommand(host, rest, io, onRun);
    return interrupted ? EXIT.interrupted : code;
  } finally {
    await host.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: Error) => {
    if (e instanceof UsageError) { process.stderr.write(`lab: ${e.message}\n`); process.exitCode = EXIT.usage; return; }
    process.stderr.write(`lab: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = EXIT.runFailed;
  },
);

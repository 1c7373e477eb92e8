// `lab help`, `lab --help` and `lab <command> --help`: what each command takes, on stdout.
import { RUN_USAGE } from './run-args';
import { RUN_ALL_USAGE } from './commands/run-all';
import { HISTORY_USAGE } from './commands/history';
import { SHOW_USAGE } from './commands/show';
import { DELETE_USAGE } from './commands/delete';
import { COMPARE_USAGE } from './commands/compare';
import { EXPORT_USAGE } from './commands/export';
import { SCENARIOS_USAGE } from './commands/scenarios';

const DB = '  --db PATH        the history file (default: $XDG_DATA_HOME/process-lab/lab.sqlite)';

const COMMANDS: Record<string, { usage: string; about: string[] }> = {
  scenarios: { usage: SCENARIOS_USAGE, about: ['Lists the scenarios with every parameter, its default and its range.', '  --json           one JSON array'] },
  run: {
    usage: RUN_USAGE,
    about: [
      'Runs one scenario as real processes: each printed line tagged [name pid], a summary with each invariant.',
      '  --set name=value a scenario parameter (once per name; "lab scenarios" lists them)',
      '  --time-unit-ms N length of one second of the original example (default 100)',
      '  --seed N         makes the random sleeps repeatable (default: a random seed, kept with the run)',
      '  --timeout-s N    ends the run after N seconds of wall-clock time',
      '  --json           stdout holds exactly one JSON object, the run\'s report',
      DB,
      '  --no-store       keep nothing',
      'Exit: 0 the run ended as its scenario means it to, every invariant held; 1 otherwise; 2 bad usage;',
      '      130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (the run is stopped first, every process of it ended).',
    ],
  },
  'run all': { usage: RUN_ALL_USAGE, about: ['Runs every scenario with its defaults, one line each: a quick check of a machine.', DB] },
  history: {
    usage: HISTORY_USAGE,
    about: [
      'The kept runs, newest first: status, duration, seed, time unit and the parameters that differ from the defaults.',
      '  --scenario ID    only this scenario\'s runs',
      '  --status S       only runs that ended so (running, completed, failed, stopped, hung, timeout, interrupted)',
      '  --limit N        show N runs (default 20); --offset N skips the N newest; --all shows every run',
      DB,
    ],
  },
  show: { usage: SHOW_USAGE, about: ['One kept run: its output, parameters, seed, time unit, invariants and result.', '  --json           the same JSON as "lab run --json" printed', DB] },
  compare: { usage: COMPARE_USAGE, about: ['Two kept runs side by side; ≠ marks what differs.', DB] },
  delete: { usage: DELETE_USAGE, about: ['Removes runs with everything kept for them; with one unknown id nothing is deleted.', DB] },
  export: {
    usage: EXPORT_USAGE,
    about: [
      'Writes a kept run as a file: html (self-contained report), pdf (printed by Chromium), csv (the events;',
      'the output lines go to FILE.output.csv), json (the run with its events), trace (Chrome trace for Perfetto).',
      '  --out FILE       a link is written through (the link stays), a device or FIFO is written into,',
      '                   a folder is refused; --out - writes to standard output (not csv: it is two files)',
      DB,
    ],
  },
};

export const HELP = [
  'usage: lab <command> [--help]',
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  'Runs are kept in a history (--db PATH, default: $XDG_DATA_HOME/process-lab/lab.sqlite).',
  '"lab <command> --help" says more about one command.',
].join('\n');

/** The help of one command ("run all" included), or the whole list. */
export function helpFor(command: string | undefined): string {
  const c = command === undefined ? undefined : COMMANDS[command];
  return c ? [`usage: ${c.usage}`, ...c.about].join('\n') : HELP;
}

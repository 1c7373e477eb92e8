// `lab show <runId> [--json]`: one kept run, exactly as `lab run --json` printed it.
import { parseCommand } from '../args';
import { openStore } from '../open-store';
import { UsageError } from '../usage-error';
import { printSummary } from './run';
import type { Io } from '../io';
import type { RunStore } from '../../core/store/run-store';
import type { RunReport } from '../../../shared/run-report';

export const SHOW_USAGE = 'lab show <runId> [--json] [--db PATH]';

export async function showCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, db: { type: 'string' } }, SHOW_USAGE);
  if (positionals.length !== 1) throw new UsageError(`show needs one run id\nusage: ${SHOW_USAGE}`);
  const store = openStore(values.db, io.err, { readOnly: true });
  try {
    const r = findRun(store, positionals[0]);
    if (values.json) io.out(JSON.stringify(r));
    else {
      for (const o of r.output) io.out(`[${o.name} ${o.pid}] ${o.text}`);
      printSummary(r, io.out);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** A kept run, or a usage error that says where to find the ids. */
export function findRun(store: RunStore, runId: string): RunReport {
  const r = store.queries.run(runId);
  if (!r) throw new UsageError(`no run "${runId}" in ${store.file}; "lab history" lists the kept runs`);
  return r;
}

// `lab history [--scenario ID] [--status S] [--limit N | --all] [--offset N] [--json]`: the
// kept runs, newest first, each with its seed, time unit and the parameters it changed; then
// how many more there are and how to see them. Reads the history through a service that
// opened it read-only.
import type { HistoryEntry, HistoryFilter } from '../../../shared/contract';
import type { LabService } from '../../core/service/lab-service';
import { answer } from '../answers';
import { parseCommand, intOption } from '../args';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { compactParams } from '../param-text';
import { RUN_STATUSES } from '../run-statuses';
import { ScenarioBook } from '../scenario-book';
import { UsageError } from '../usage-error';

export const HISTORY_USAGE = 'lab history [--scenario ID] [--status S] [--limit N | --all] [--offset N] [--json] [--db PATH]';
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;
/** The most runs one history request may ask for (the contract's bound); more are read page by page. */
const PAGE = 1000;

export async function historyCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, {
    scenario: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, all: { type: 'boolean' },
    json: { type: 'boolean' }, db: { type: 'string' },
  }, HISTORY_USAGE);
  return withLab(io, { db: values.db, history: 'read' }, async (lab) => {
    const book = new ScenarioBook(lab);
    // Checked before the file is opened: a typo must not read as "no runs".
    if (values.scenario !== undefined && !book.find(values.scenario)) {
      throw new UsageError(`unknown scenario "${values.scenario}" for --scenario; valid ids: ${book.ids().join(', ')}`);
    }
    if (values.status !== undefined && !(RUN_STATUSES as string[]).includes(values.status)) {
      throw new UsageError(`unknown status "${values.status}" for --status; valid statuses: ${RUN_STATUSES.join(', ')}`);
    }
    if (values.all && values.limit !== undefined) throw new UsageError('--all and --limit say different things; give one');
    const offset = intOption('offset', values.offset, 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const limit = values.all ? Infinity : intOption('limit', values.limit, 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
    const filter: HistoryFilter = { scenario: values.scenario, status: values.status as HistoryFilter['status'] };
    const listed = await list(lab, filter, offset, limit, io);
    if (values.json) { io.out(JSON.stringify(listed.runs)); return 0; }
    const { runs, total } = listed;
    if (!total) { io.out(values.scenario || values.status ? `no kept run matches${values.scenario ? ` --scenario ${values.scenario}` : ''}${values.status ? ` --status ${values.status}` : ''}` : 'no runs kept yet'); return 0; }
    for (const r of runs) {
      const mark = r.passed === null ? '·' : r.passed ? '✓' : '✗';
      const duration = r.durationMs === null ? '' : `${(r.durationMs / 1000).toFixed(2)} s`;
      io.out(`${mark} ${r.runId}  ${r.startedAt.replace('T', ' ').slice(0, 19)}  ${r.scenario.padEnd(18)} ${r.status.padEnd(11)} ${duration.padStart(9)}  ${compactParams(book.ownParams(r.scenario), r.params, r.seed, r.timeUnitMs)}`);
    }
    const after = total - offset - runs.length;
    if (after > 0 || offset > 0) io.out(moreLine(total, offset, runs.length, after, values.all ? total : limit));
    return 0;
  });
}

/** Up to `limit` runs from `offset` on, page by page, and how many match in all. A history not
 *  kept yet lists nothing, and says so on stderr. */
async function list(lab: LabService, filter: HistoryFilter, offset: number, limit: number, io: Io): Promise<{ runs: HistoryEntry[]; total: number }> {
  const runs: HistoryEntry[] = [];
  let total = 0;
  while (runs.length < limit) {
    const ask = Math.min(PAGE, limit - runs.length);
    const page = await lab.history({ ...filter, offset: offset + runs.length, limit: ask });
    if (!page.ok && page.error.detail === 'NO_HISTORY') { io.err(`lab: ${page.error.message}`); break; }
    const got = answer(page);
    total = got.total;
    runs.push(...got.runs);
    if (got.runs.length < ask) break;
  }
  return { runs, total };
}

/** "showing runs 1–20 of 57 (newest first); 37 more: --offset 20 for the next 20, --limit 57 or --all for every one". */
function moreLine(total: number, offset: number, shown: number, after: number, limit: number): string {
  const range = shown ? `runs ${offset + 1}–${offset + shown}` : 'no run';
  const head = `showing ${range} of ${total} (newest first)`;
  if (after <= 0) return `${head}; the ${offset} newer ones: --offset 0`;
  const next = Math.min(after, limit);
  return `${head}; ${after} more: --offset ${offset + shown} for the next ${next}, --limit ${Math.min(total, MAX_LIMIT)} or --all for every one`;
}

// When the writer thread could not store all of a run: read from the file what is missing,
// write from this thread what still can be (the run's entry and report; its events are gone
// with the writer's failure), and add a note to the run saying what is lost and why.
import type { RunReport } from '../../../shared/run-report';
import type { Db } from './open-database';
import { RunWrites, type RunStart } from './run-writes';
import { describeError, sqliteCode } from './store-error';

export interface Salvaged {
  /** What the writer did not store, e.g. "its report and 12 of 40 events". */
  lost: string;
  /** Whether the note (and what could be rewritten) is now in the file. */
  noted: boolean;
  /** The entry and report, written again from this thread. */
  rewritten: boolean;
  /** Why the note could not be written. */
  whyNot?: string;
}

interface Row { no: number; ended_at: string | null }

export function salvageRun(db: Db, start: RunStart, report: RunReport, causes: string[]): Salvaged {
  let row: Row | undefined;
  let stored = 0;
  try {
    row = db.prepare('SELECT no, ended_at FROM runs WHERE id = ?').get(start.id) as Row | undefined;
    if (row) stored = (db.prepare('SELECT coalesce(sum(count), 0) AS n FROM event_blocks WHERE run_no = ?').get(row.no) as { n: number }).n;
  } catch (e) {
    return { lost: 'an unknown part of it (the history cannot be read back)', noted: false, rewritten: false, whyNot: why(e) };
  }
  const missingEvents = Math.max(0, report.eventCount - stored);
  const eventsLost = missingEvents ? `${missingEvents} of ${report.eventCount} events` : '';
  const parts = [...(row ? [] : ['its entry']), ...(row?.ended_at ? [] : ['its report']), ...(eventsLost ? [eventsLost] : [])];
  const lost = parts.length ? listed(parts) : 'nothing, as far as the file shows';
  const rewritten = !row || row.ended_at === null;
  const cause = causes.join('; ');
  const note = eventsLost
    ? `the history could not store all of this run: not stored: ${eventsLost} (${cause})${rewritten ? '; its entry and report were written afterwards' : ''}.`
    : `the history's writer failed on this run (${cause}); ${parts.length ? `${listed(parts)} ${parts.length > 1 ? 'were' : 'was'} written afterwards, ` : ''}nothing is missing.`;
  try {
    const writes = new RunWrites(db);
    db.transaction(() => {
      if (!row) writes.beginRun(start);
      if (rewritten) writes.endRun(report);
      const { notes } = db.prepare('SELECT notes FROM runs WHERE id = ?').get(start.id) as { notes: string | null };
      const all = [...(notes ? (JSON.parse(notes) as string[]) : []), note];
      db.prepare('UPDATE runs SET notes = ? WHERE id = ?').run(JSON.stringify(all), start.id);
    })();
    return { lost, noted: true, rewritten };
  } catch (e) {
    return { lost, noted: false, rewritten: false, whyNot: why(e) };
  }
}

function why(e: unknown): string {
  const code = sqliteCode(e);
  return code ? `${describeError(e)} (${code})` : describeError(e);
}

function listed(parts: string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

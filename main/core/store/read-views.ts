// For a read-only connection: temporary views named like our tables stand in for them
// (SQLite looks names up in the temp schema first), so the queries read any older file as if
// it had the current schema, without migrating it:
// - every current column is there, NULL where the file predates it (processes.how, ...);
// - a table the file predates (keyframes, objects) is there, empty;
// - a run left 'running' by a host that no longer exists reads as 'interrupted', with the
//   events it kept counted, as a writing open would mark it in the file.
import Database from 'better-sqlite3';
import type { Db } from './open-database';
import { MIGRATIONS } from './migrations';
import { hostAlive } from './host-alive';

let currentColumns: Map<string, string[]> | undefined;

/** The columns of each table in the current schema, read from a fresh in-memory copy of it. */
function columnsNow(nativeBinding: string | undefined): Map<string, string[]> {
  if (currentColumns) return currentColumns;
  const mem = new Database(':memory:', { nativeBinding });
  try {
    for (const m of MIGRATIONS) mem.exec(m);
    const tables = (mem.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    currentColumns = new Map(tables.map((t) => [t, columnsOf(mem, t)]));
    return currentColumns;
  } finally {
    mem.close();
  }
}

function columnsOf(db: Db, table: string): string[] {
  return (db.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function addReadViews(db: Db, nativeBinding?: string): void {
  db.function('lab_host_gone', { deterministic: false }, (pid: unknown) => (hostAlive(typeof pid === 'number' || typeof pid === 'bigint' ? Number(pid) : null) ? 0 : 1));
  for (const [table, want] of columnsNow(nativeBinding)) {
    const have = new Set(columnsOf(db, table));
    if (!have.size) {
      // A table added after this file's format (keyframes, objects): read as empty.
      db.exec(`CREATE TEMP VIEW ${q(table)} AS SELECT ${want.map((c) => `NULL AS ${q(c)}`).join(', ')} WHERE 0`);
      continue;
    }
    if (table !== 'runs' && want.every((c) => have.has(c))) continue;
    const hostGone = have.has('host_pid') ? 'lab_host_gone(host_pid)' : '1';
    const select = want.map((c) => {
      if (!have.has(c)) return `NULL AS ${q(c)}`;
      if (table === 'runs' && c === 'status') return `CASE WHEN status = 'running' AND ${hostGone} THEN 'interrupted' ELSE status END AS status`;
      if (table === 'runs' && c === 'event_count') {
        return `CASE WHEN status = 'running' THEN (SELECT coalesce(sum(count), 0) FROM main.event_blocks b WHERE b.run_no = r.no) ELSE event_count END AS event_count`;
      }
      return q(c);
    });
    if (table === 'runs') select.unshift('rowid AS rowid'); // the history is ordered by it
    db.exec(`CREATE TEMP VIEW ${q(table)} AS SELECT ${select.join(', ')} FROM main.${q(table)}${table === 'runs' ? ' r' : ''}`);
  }
}

// Opens (or creates) the history file: WAL mode, migrations, and the two repairs a user
// should never have to do by hand. A file that is not a database, or is damaged, is moved
// aside with a timestamp and a fresh one is created; a file written by a newer Process Lab
// is refused with a clear message. Nothing is ever deleted.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(readonly code: 'NEWER_SCHEMA' | 'CANNOT_OPEN', message: string) { super(message); }
}

export interface OpenOptions {
  /** A better-sqlite3 build for another runtime (the desktop app's Electron build). */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface Opened { db: Db; notices: string[] }

export function openDatabase(file: string, o: OpenOptions = {}): Opened {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    return prepare(file, o);
  } catch (e) {
    if (!isDamaged(e)) throw e;
    const movedTo = moveAside(file);
    const opened = prepare(file, o);
    opened.notices.push(`${file} was not a readable Process Lab history (${(e as Error).message}); it was moved to ${movedTo} and a new history was started.`);
    return opened;
  }
}

function prepare(file: string, o: OpenOptions): Opened {
  const db = new Database(file, { nativeBinding: o.nativeBinding, readonly: o.readonly === true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // reads the schema: fails on a damaged file
    if (version > SCHEMA_VERSION) {
      throw new StoreError('NEWER_SCHEMA', `${file} was written by a newer Process Lab (history format ${version}); this version reads formats up to ${SCHEMA_VERSION}. Update Process Lab, or choose another file with --db.`);
    }
    if (o.readonly) return { db, notices: [] };
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    checkTables(db);
    return { db, notices: [] };
  } catch (e) {
    db.close();
    throw e;
  }
}

function migrate(db: Db, from: number): void {
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

const TABLES = ['runs', 'processes', 'event_blocks', 'event_buckets', 'output'];

/** A file that claims our format but lacks its tables is treated as damaged. */
function checkTables(db: Db): void {
  const have = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const missing = TABLES.filter((t) => !have.has(t));
  if (missing.length) throw Object.assign(new Error(`tables missing: ${missing.join(', ')}`), { code: 'SQLITE_CORRUPT_SCHEMA' });
}

function isDamaged(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/** Renames the file (and its -wal/-shm companions) to `<file>.damaged-<timestamp>`. */
function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

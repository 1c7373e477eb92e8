// Opens the history file, in one of two ways.
// For writing: creates it when missing (its folder only when asked: the default data folder),
// WAL mode, migrations, and the one repair a user should never have to do by hand: a file
// that is not a database, or is damaged, is moved aside with a timestamp and a fresh one is
// started. Nothing is ever deleted.
// For reading: never creates, migrates or writes anything; an older format is read as it is.
// Both refuse another application's database and a file written by a newer Process Lab,
// leaving it untouched.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { StoreError, describeError, isDamage } from './store-error';
import { addReadViews } from './read-views';

export { StoreError } from './store-error';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better-sqlite3 build for another runtime (the desktop app's Electron build). */
  nativeBinding?: string;
  /** Only read: never create, migrate or write the file. */
  readonly?: boolean;
  /** The file's folder is ours to create when missing (the default data folder only); reading, it may be missing. */
  createFolder?: boolean;
  /** How long a write waits for another connection's lock before it fails with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export interface Opened { db: Db; notices: string[] }

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The tables of our schema; a file with tables and none of these is someone else's. */
export const TABLES = ['runs', 'processes', 'event_blocks', 'event_buckets', 'output'] as const;

/** How to set a damaged history aside, told with every report of damage. */
export function setAsideHint(file: string): string {
  return `To set this history aside, move it away (mv "${file}" "${file}.damaged"); the next \`lab run\` starts a new history there.`;
}

export function openDatabase(file: string, o: OpenOptions = {}): Opened {
  checkFolder(file, o);
  if (o.readonly) return openForReading(file, o);
  try {
    return prepare(file, o);
  } catch (e) {
    if (!isDamage(e)) throw e;
    const movedTo = moveAside(file);
    const opened = prepare(file, o);
    opened.notices.push(`${file} was not a readable Process Lab history (${describeError(e)}); it was moved to ${movedTo} and a new history was started.`);
    return opened;
  }
}

/**
 * The writer thread's connection to a history RunStore.open has already created and
 * migrated: it never creates, repairs or migrates, so it cannot fight the main thread.
 */
export function openWriterConnection(file: string, o: OpenOptions = {}): Db {
  const db = new Database(file, { nativeBinding: o.nativeBinding, fileMustExist: true, timeout: o.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new StoreError('CANNOT_OPEN', `${file} is in history format ${version}, not ${SCHEMA_VERSION}`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function checkFolder(file: string, o: OpenOptions): void {
  const folder = path.dirname(path.resolve(file));
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw new StoreError('NO_FOLDER', `cannot use ${file} for the history: ${folder} is not a folder`);
    return;
  }
  if (o.createFolder && !o.readonly) { mkdirSync(folder, { recursive: true }); return; }
  // The default data folder not made yet: nothing was ever kept there.
  if (o.createFolder) throw noHistory(file);
  throw new StoreError('NO_FOLDER', `cannot ${o.readonly ? 'read' : 'keep'} the history at ${file}: the folder ${folder} does not exist${o.readonly ? '' : ' (create it first, or choose another file)'}`);
}

const noHistory = (file: string) => new StoreError('NO_HISTORY', `no history at ${file} yet: \`lab run\` keeps each run there`);

function prepare(file: string, o: OpenOptions): Opened {
  const db = new Database(file, { nativeBinding: o.nativeBinding, timeout: o.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  try {
    const { version } = inspect(file, db); // before anything that writes
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

function openForReading(file: string, o: OpenOptions): Opened {
  if (!existsSync(file)) throw noHistory(file);
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: o.nativeBinding, readonly: true, fileMustExist: true, timeout: o.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new StoreError('CANNOT_OPEN', `cannot read the history at ${file}: ${describeError(e)}`);
  }
  try {
    const { tables } = inspect(file, db);
    if (!tables.length) { db.close(); return { db: emptyHistory(o), notices: [] }; } // an empty file: no runs yet
    const missing = TABLES.filter((t) => !tables.includes(t));
    if (missing.length) throw Object.assign(new Error(`tables missing: ${missing.join(', ')}`), { code: 'SQLITE_CORRUPT_SCHEMA' });
    addReadViews(db, o.nativeBinding);
    return { db, notices: [] };
  } catch (e) {
    db.close();
    if (isDamage(e)) throw new StoreError('DAMAGED', `${file} is not a readable Process Lab history (${describeError(e)}). Nothing was changed. ${setAsideHint(file)}`);
    throw e;
  }
}

/** Reads the file's format and tables, refusing what is not ours to touch. Throws on a damaged file. */
function inspect(file: string, db: Db): { version: number; tables: string[] } {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name);
  const ours = tables.filter((t) => (TABLES as readonly string[]).includes(t));
  // Process Lab writes its tables and user_version in one transaction: tables without a
  // version, or none of our tables at all, were written by someone else.
  if (tables.length && (!ours.length || version === 0)) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} tables)` : '');
    throw new StoreError('FOREIGN', `${file} is not a Process Lab history: it holds another application's tables (${shown}). It was left untouched; choose another file with --db.`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError('NEWER_SCHEMA', `${file} was written by a newer Process Lab (history format ${version}); this version reads formats up to ${SCHEMA_VERSION}. Update Process Lab, or choose another file with --db.`);
  }
  return { version, tables };
}

/** A history with no runs, in memory: what reading an empty file gives. */
export function emptyHistory(o: OpenOptions = {}): Db {
  const db = new Database(':memory:', { nativeBinding: o.nativeBinding });
  migrate(db, 0);
  return db;
}

function migrate(db: Db, from: number): void {
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** A file that claims our format but lacks its tables is treated as damaged. */
function checkTables(db: Db): void {
  const have = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const missing = TABLES.filter((t) => !have.has(t));
  if (missing.length) throw Object.assign(new Error(`tables missing: ${missing.join(', ')}`), { code: 'SQLITE_CORRUPT_SCHEMA' });
}

/** Renames the file (and its -wal/-shm companions) to `<file>.damaged-<timestamp>`. */
function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

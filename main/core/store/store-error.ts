// What the history tells its callers when it cannot do what was asked. The message is meant
// for the user as it is (it names the file, what is wrong, and what to do); `code` is for code.
export type StoreErrorCode =
  | 'NEWER_SCHEMA'  // written by a newer Process Lab
  | 'FOREIGN'       // another application's database: refused, left untouched
  | 'NO_HISTORY'    // a read-only open of a file that does not exist
  | 'NO_FOLDER'     // the folder named for the history does not exist
  | 'DAMAGED'       // a read-only open of a file that is not a readable history
  | 'CORRUPT'       // a damaged page met while reading one run
  | 'READ_ONLY'     // a write asked of a history opened read-only
  | 'WRITE_FAILED'  // part of a run could not be stored
  | 'CANNOT_OPEN';

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** SQLite's code of an error (better-sqlite3's SqliteError carries it), or null. */
export function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** A page of the file is damaged (or the file is no database at all). */
export function isDamage(e: unknown): boolean {
  const code = sqliteCode(e) ?? '';
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/** The text of anything thrown, also of an error that crossed a thread as a plain object. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

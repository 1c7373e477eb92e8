// Damages a real history file the way a failing disk does: whole pages overwritten. To hit
// one run only, it finds the b-tree leaf pages of a table whose every row belongs to that
// run, by reading SQLite's page format (https://www.sqlite.org/fileformat2.html) directly.
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** SQLite's variable-length integer: [value, bytes used]. */
function varint(b: Buffer, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const byte = b[at + i];
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return [v, i + 1];
  }
  return [v * 256 + b[at + 8], 9];
}

/** The first column of the record that starts at `at` (an integer or a text). */
function firstColumn(b: Buffer, at: number): number | string | null {
  const [headerSize, n] = varint(b, at);
  const [type] = varint(b, at + n);
  const body = at + headerSize;
  if (type === 0) return null;
  if (type === 8) return 0;
  if (type === 9) return 1;
  if (type >= 1 && type <= 6) {
    if (type === 6) return Number(b.readBigInt64BE(body));
    return b.readIntBE(body, [0, 1, 2, 3, 4, 6][type]);
  }
  if (type >= 13 && type % 2 === 1) return b.toString('utf8', body, body + (type - 13) / 2);
  throw new Error(`unexpected serial type ${type}`);
}

/** First columns of the rows kept on one leaf page of an index b-tree (a WITHOUT ROWID table). */
function leafKeys(page: Buffer, pageNo: number): (number | string | null)[] {
  const h = pageNo === 1 ? 100 : 0;
  if (page[h] !== 0x0a) throw new Error(`page ${pageNo} is not an index leaf page (type ${page[h]})`);
  const cells = page.readUInt16BE(h + 3);
  const keys: (number | string | null)[] = [];
  for (let i = 0; i < cells; i++) {
    const cell = page.readUInt16BE(h + 8 + 2 * i);
    const [, n] = varint(page, cell); // payload size
    keys.push(firstColumn(page, cell + n));
  }
  return keys;
}

/** Leaf pages of `table` (a WITHOUT ROWID table) holding only rows whose first column is `key`, in key order. */
export function leavesOnlyOf(file: string, table: string, key: number | string): number[] {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path").all(table) as { pageno: number }[];
  db.close();
  const fd = openSync(file, 'r');
  try {
    const only = leaves.map((l) => l.pageno).filter((no) => {
      const page = Buffer.alloc(pageSize);
      readSync(fd, page, 0, pageSize, (no - 1) * pageSize);
      const keys = leafKeys(page, no);
      return keys.length > 0 && keys.every((k) => k === key);
    });
    return only;
  } finally {
    closeSync(fd);
  }
}

/** Overwrites whole pages with bytes that are no page at all. */
export function overwritePages(file: string, pages: number[]): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  try {
    for (const no of pages) {
      const junk = Buffer.alloc(pageSize, 0);
      for (let i = 0; i < pageSize; i++) junk[i] = (i * 131 + no * 17 + 0x5a) & 0xff;
      writeSync(fd, junk, 0, pageSize, (no - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
}

// Writes a file the user named without ever replacing what the name stands for.
// - A regular file (or a new name) is written so that it is either complete or untouched:
//   into a temporary file beside it, then renamed over it, keeping its permission bits (and,
//   for root, its owner). A file with other hard links is rewritten in place instead, so that
//   every name still shows the same file (as editors do; not atomic then).
// - A symbolic link is followed: the write goes to its target (atomically beside the target
//   when that is a regular file or does not exist yet); the link stays.
// - A character device or a FIFO (/dev/null, /dev/stdout, a named pipe) is a stream, not a
//   file: it is opened and written as a shell's `>` would; a temporary file and a rename
//   would replace the device node itself (as root, /dev/stdout became a plain file). Our own
//   standard output (/dev/stdout) is handed back to the caller to write as a stream; another
//   /proc/<pid>/fd link to a regular file is appended to, as a shell's `>&N` would.
// - Anything else (a folder, a block device, a socket) is refused: a report written over a
//   disk would destroy its file system, and a socket cannot be opened.
// Every refusal is a WriteRefused whose message says why in plain words.
import { chmodSync, chownSync, closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';

export class WriteRefused extends Error {
  /** Set when the name is a folder, so that the caller can suggest a file inside it. */
  constructor(message: string, readonly folder?: string) { super(message); }
}

/** Where and how a write will go: `file` is the path actually opened. 'stdout': the name is
 *  this process's own standard output (/dev/stdout), which the caller writes as a stream. */
export type WritePlan =
  | { how: 'atomic'; file: string; keep?: { mode: number; uid: number; gid: number } }
  | { how: 'in-place'; file: string; kind: 'character device' | 'FIFO' | 'hard-linked file' | 'open file'; append?: boolean }
  | { how: 'stdout'; file: string };

const MAX_LINKS = 40; // as the kernel's own limit on links followed in one lookup

/** Decides where a write to `file` goes, or refuses with a plain reason. Writes nothing. */
export function planWrite(file: string): WritePlan {
  if (file.endsWith('/') || file.endsWith(path.sep)) throw new WriteRefused('the name ends with a slash, so it names a folder; give a file name');
  let p = path.resolve(file);
  for (let hop = 0; ; hop++) {
    const st = lstatOrUndefined(p);
    if (!st) return newFile(p, p !== path.resolve(file));
    if (st.isSymbolicLink()) {
      if (hop >= MAX_LINKS) throw new WriteRefused(`more than ${MAX_LINKS} symbolic links in a row (a loop?)`);
      const folder = realpathSync(path.dirname(p));
      if (folder.startsWith('/proc/')) return openFileLink(path.join(folder, path.basename(p)));
      p = path.resolve(folder, readlinkSync(p));
      continue;
    }
    return streamOrFile(p, st);
  }
}

/** Writes `data` to `file` as planWrite decides; failures are WriteRefused with a plain reason. */
export function writeFileAtomic(file: string, data: string | Uint8Array, plan: WritePlan = planWrite(file)): void {
  try {
    if (plan.how === 'stdout') throw new Error('standard output is written by the caller, as a stream');
    if (plan.how === 'in-place') writeAll(openSync(plan.file, plan.append ? 'a' : 'w'), data);
    else writeReplacing(plan.file, data, plan.keep);
  } catch (e) {
    if (e instanceof WriteRefused) throw e;
    throw new WriteRefused(reason(e as NodeJS.ErrnoException, plan.file));
  }
}

/** A /proc/<pid>/fd/<n> link (where /dev/stdout and /dev/fd/<n> lead) names an open file,
 *  maybe a pipe or a socket, and its text ("pipe:[123]") is no path: use what it opens. */
function openFileLink(p: string): WritePlan {
  const m = /^\/proc\/(\d+)\/fd\/(\d+)$/.exec(p);
  if (m && Number(m[1]) === process.pid && m[2] === '1') return { how: 'stdout', file: p };
  const target = statOrRefuse(p);
  return target.isFile() ? { how: 'in-place', file: p, kind: 'open file', append: true } : streamOrFile(p, target);
}

function writeReplacing(file: string, data: string | Uint8Array, keep: { mode: number; uid: number; gid: number } | undefined): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o666);
    writeAll(fd, data, true);
    if (keep) {
      if (process.getuid?.() === 0) chownSync(tmp, keep.uid, keep.gid);
      chmodSync(tmp, keep.mode);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function writeAll(fd: number, data: string | Uint8Array, sync = false): void {
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function streamOrFile(p: string, st: Stats): WritePlan {
  if (st.isFile()) {
    if (st.nlink > 1) return { how: 'in-place', file: p, kind: 'hard-linked file' };
    return { how: 'atomic', file: p, keep: { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid } };
  }
  if (st.isCharacterDevice()) return { how: 'in-place', file: p, kind: 'character device' };
  if (st.isFIFO()) return { how: 'in-place', file: p, kind: 'FIFO' };
  if (st.isDirectory()) throw new WriteRefused('it is a folder; give a file name', p);
  if (st.isBlockDevice()) throw new WriteRefused(`${p} is a block device (a disk): writing there would destroy what it holds`);
  if (st.isSocket()) throw new WriteRefused(`${p} is a socket, which cannot be written as a file`);
  throw new WriteRefused(`${p} is not a regular file`);
}

/** A name that does not exist yet: its folder must. */
function newFile(p: string, viaLink: boolean): WritePlan {
  const folder = path.dirname(p);
  const st = lstatOrUndefined(folder) && statOrUndefined(folder);
  if (!st) throw new WriteRefused(`${viaLink ? `it is a link to ${p}, and ` : ''}the folder ${folder} does not exist`);
  if (!st.isDirectory()) throw new WriteRefused(notAFolder(p));
  return { how: 'atomic', file: p };
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new WriteRefused(notAFolder(p));
    throw new WriteRefused(reason(e as NodeJS.ErrnoException, p));
  }
}

function statOrUndefined(p: string): Stats | undefined {
  try { return statSync(p); } catch { return undefined; }
}

function statOrRefuse(p: string): Stats {
  try {
    return statSync(p);
  } catch (e) {
    throw new WriteRefused(reason(e as NodeJS.ErrnoException, p));
  }
}

/** Names the first folder of `p`'s path that exists and is not a folder. */
function notAFolder(p: string): string {
  const parts = p.split(path.sep);
  for (let i = 2; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(path.sep);
    const st = statOrUndefined(prefix);
    if (st && !st.isDirectory()) return `${prefix} is ${st.isFile() ? 'a file' : st.isCharacterDevice() ? 'a device' : st.isFIFO() ? 'a FIFO' : 'something else'}, not a folder`;
  }
  return `${path.dirname(p)} is not a folder`;
}

/** A system error in plain words; never the temporary file's name. */
function reason(e: NodeJS.ErrnoException, file: string): string {
  switch (e.code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': case 'EDQUOT': return 'the disk is full';
    case 'EISDIR': return 'it is a folder; give a file name';
    case 'ELOOP': return 'too many symbolic links (a loop?)';
    case 'ENOENT': return `${path.dirname(file)} does not exist`;
    case 'ENOTDIR': return notAFolder(file);
    case 'ENXIO': return `${file} has no reader or device behind it`;
    case 'EXDEV': return 'the temporary file and the target are on different file systems';
    default: return e.code ? `${e.code}: ${e.syscall ?? 'write'} failed` : e.message;
  }
}

// `lab export` as a user runs it: every format, and every way it can be asked wrongly.
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireChromium } from '../../support/chromium';

// Each test spawns the CLI a few times; on a loaded machine a node start takes seconds.
// This bound only guards a hang: no test here measures speed.
const CLI_TEST_TIMEOUT_MS = 180_000;

const CLI = path.resolve(__dirname, '../../../dist/main/cli/lab.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-export-'));
const DB = path.join(dir, 'lab.sqlite');

function lab(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: CLI_TEST_TIMEOUT_MS, maxBuffer: 64 << 20, env: { ...process.env, XDG_DATA_HOME: dir, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder for one test, so that its listing says exactly what the export left. */
const fresh = (name: string) => mkdtempSync(path.join(dir, `${name}-`));

/** A character device to write into. As root, a null device made in our own folder (root
 *  could replace /dev/null itself if the code under test regressed); otherwise /dev/null,
 *  which a user cannot replace. */
function nullDevice(folder: string): string {
  if (process.getuid?.() !== 0) return '/dev/null';
  const device = path.join(folder, 'null');
  const r = spawnSync('mknod', ['-m', '666', device, 'c', '1', '3'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mknod failed: ${r.stderr}`);
  return device;
}

describe('lab export', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const report = JSON.parse(lab(['run', 'manager-namespace', '--time-unit-ms', '5', '--json', '--db', DB]).stdout);
  const id = report.runId as string;

  it('writes html, json, trace, csv (events and output) and pdf files', () => {
    requireChromium(); // the PDF is printed by Chromium: without it, this fails with the install line
    for (const format of ['html', 'json', 'trace', 'csv', 'pdf']) {
      const out = path.join(dir, `run.${format}`);
      const r = lab(['export', id, '--format', format, '--out', out, '--db', DB]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`wrote ${out}`);
    }
    expect(readFileSync(path.join(dir, 'run.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8'))).toMatchObject({ ...report, events: expect.any(Array) });
    expect(JSON.parse(readFileSync(path.join(dir, 'run.trace'), 'utf8')).traceEvents.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'run.csv'), 'utf8').split('\n')[0]).toMatch(/^seq,/);
    expect(readFileSync(path.join(dir, 'run.output.csv'), 'utf8')).toContain('After event');
    expect(readFileSync(path.join(dir, 'run.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 2 * CLI_TEST_TIMEOUT_MS);

  it.each([
    [['export', 'nope', '--format', 'html', '--out', 'x.html'], /no run "nope"/],
    [['export', 'ID', '--format', 'docx', '--out', 'x.docx'], /--format must be one of html, pdf, csv, json, trace, not "docx"/],
    [['export', 'ID', '--out', 'x.html'], /--format must be one of/],
    [['export', 'ID', '--format', 'html'], /--out FILE is needed/],
    [['export', 'ID', '--format', 'html', '--out', '/no/such/folder/x.html'], /cannot write \/no\/such\/folder\/x.html: the folder \/no\/such\/folder does not exist/],
    [['export', 'ID', '--format', 'csv', '--out', '-'], /--out - writes one stream, and csv is two files \(the events and FILE.output.csv\): give a file name, or use --format json/],
  ])('%j exits 2 with a clear message', (args, message) => {
    const r = lab([...args.map((a) => (a === 'ID' ? id : a)), '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a folder with a plain message, and leaves nothing behind', () => {
    const d = fresh('folder');
    const target = path.join(d, 'taken');
    mkdirSync(target);
    const r = lab(['export', id, '--format', 'json', '--out', target, '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lab: cannot write ${target}: it is a folder; give a file name, e.g. ${path.join(target, 'run.json')}\n`);
    expect(readdirSync(d)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('says which part of a path is not a folder', () => {
    const d = fresh('notdir');
    writeFileSync(path.join(d, 'plain'), 'x');
    const out = path.join(d, 'plain', 'sub', 'run.json');
    const r = lab(['export', id, '--format', 'json', '--out', out, '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lab: cannot write ${out}: ${path.join(d, 'plain')} is a file, not a folder\n`);
    expect(readdirSync(d)).toEqual(['plain']);
  });

  it('says so plainly when the place cannot be written (sysfs refuses new files, even to root)', () => {
    const r = lab(['export', id, '--format', 'json', '--out', '/sys/lab-run.json', '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lab: cannot write /sys/lab-run.json: permission denied\n');
  });

  it('writes through a symbolic link to its target, atomically beside the target, and keeps the link', () => {
    const d = fresh('link');
    mkdirSync(path.join(d, 'reports'));
    const target = path.join(d, 'reports', 'real.json');
    writeFileSync(target, 'old', { mode: 0o640 });
    const link = path.join(d, 'latest.json');
    symlinkSync('reports/real.json', link);
    const r = lab(['export', id, '--format', 'json', '--out', link, '--db', DB]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('reports/real.json');
    expect(JSON.parse(readFileSync(target, 'utf8')).runId).toBe(id);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['latest.json', 'reports']);
    expect(readdirSync(path.join(d, 'reports'))).toEqual(['real.json']);
  });

  it('rewrites a file with another hard link in place, so both names still show the same file', () => {
    const d = fresh('hardlink');
    const a = path.join(d, 'a.json');
    writeFileSync(a, 'old');
    linkSync(a, path.join(d, 'b.json'));
    const r = lab(['export', id, '--format', 'json', '--out', path.join(d, 'b.json'), '--db', DB]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(a, 'utf8')).runId).toBe(id);
    expect(statSync(a).ino).toBe(statSync(path.join(d, 'b.json')).ino);
  });

  it('through a link whose target does not exist yet, creates the target and keeps the link', () => {
    const d = fresh('dangling');
    const link = path.join(d, 'latest.html');
    symlinkSync('made.html', link);
    const r = lab(['export', id, '--format', 'html', '--out', link, '--db', DB]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(d, 'made.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes straight into a FIFO (no temporary file, no rename) and leaves it a FIFO', async () => {
    const d = fresh('fifo');
    const fifo = path.join(d, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.on('data', (b: Buffer) => { read += b.toString(); });
    const readerDone = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const r = lab(['export', id, '--format', 'json', '--out', fifo, '--db', DB]);
    // Hang guard only: a reader still waiting means nothing was ever written into the FIFO.
    const guard = setTimeout(() => reader.kill(), 60_000);
    await readerDone;
    clearTimeout(guard);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(read).runId).toBe(id);
    expect(readdirSync(d)).toEqual(['pipe']);
  });

  it('writes into a character device (a null device) without replacing it, and a link to it stays a link', () => {
    const d = fresh('device');
    const device = nullDevice(d);
    const before = lstatSync(device);
    expect(lab(['export', id, '--format', 'json', '--out', device, '--db', DB]).code).toBe(0);
    const link = path.join(d, 'nothing.json');
    symlinkSync(device, link);
    expect(lab(['export', id, '--format', 'json', '--out', link, '--db', DB]).code).toBe(0);
    const after = lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
    expect(readlinkSync(link)).toBe(device);
  });

  it('refuses csv into a device or FIFO: its second file would land beside it', () => {
    const d = fresh('csvdev');
    const device = nullDevice(d);
    const r = lab(['export', id, '--format', 'csv', '--out', device, '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/csv writes two files \(the events and FILE.output.csv\), so FILE must be a regular file's name, not a character device/);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(path.dirname(device)).filter((f) => f.includes('output'))).toEqual([]);
  });

  it('--out - writes the export to standard output and nothing else there', () => {
    const json = lab(['export', id, '--format', 'json', '--out', '-', '--db', DB]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).runId).toBe(id);
    expect(json.stderr).toBe('wrote the json export to standard output\n');
    const html = lab(['export', id, '--format', 'html', '--out', '-', '--db', DB]);
    expect(html.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n?$/);
    expect(readdirSync(dir)).not.toContain('-');
  });

  it('stops quietly with 141 when the reader of standard output goes away (| head), with no stack trace', () => {
    // The HTML report is far larger than a pipe's buffer: the write meets the closed pipe.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" export ${id} --format html --out - --db "${DB}" | head -c 15; echo " status \${PIPESTATUS[0]}" >&2`],
      { encoding: 'utf8', timeout: CLI_TEST_TIMEOUT_MS, env: { ...process.env, XDG_DATA_HOME: dir } });
    expect(r.stdout).toBe('<!doctype html>');
    expect(r.stderr).toBe(' status 141\n');
  });

  it('--out through a link to /proc/self/fd/1 (what /dev/stdout is) writes into the pipe, and the link stays', () => {
    // A link of our own, not /dev/stdout itself: a regression here must not replace a system file.
    const d = fresh('stdout');
    const link = path.join(d, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const r = lab(['export', id, '--format', 'trace', '--out', link, '--db', DB]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).traceEvents.length).toBeGreaterThan(0);
    expect(readlinkSync(link)).toBe('/proc/self/fd/1');
    expect(readdirSync(d)).toEqual(['stdout']);
  });

  it('names what to install when no browser can print the PDF', () => {
    const r = lab(['export', id, '--format', 'pdf', '--out', path.join(dir, 'none.pdf'), '--db', DB], { PROCESS_LAB_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PDF export needs a Chromium-based browser and none was found. Install Chromium \(Debian\/Ubuntu: sudo apt-get install chromium/);
    expect(readdirSync(dir)).not.toContain('none.pdf');
  });
});

// `lab export` as a user runs it: every format, and every way it can be asked wrongly.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../../../dist/main/cli/lab.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-export-'));
const DB = path.join(dir, 'lab.sqlite');

function lab(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, XDG_DATA_HOME: dir, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lab export', () => {
  const report = JSON.parse(lab(['run', 'manager-namespace', '--time-unit-ms', '5', '--json', '--db', DB]).stdout);
  const id = report.runId as string;

  it('writes html, json, trace, csv (events and output) and pdf files', () => {
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
  }, 120_000);

  it.each([
    [['export', 'nope', '--format', 'html', '--out', 'x.html'], /no run "nope"/],
    [['export', 'ID', '--format', 'docx', '--out', 'x.docx'], /--format must be one of html, pdf, csv, json, trace, not "docx"/],
    [['export', 'ID', '--out', 'x.html'], /--format must be one of/],
    [['export', 'ID', '--format', 'html'], /--out FILE is needed/],
    [['export', 'ID', '--format', 'html', '--out', '/no/such/folder/x.html'], /cannot write \/no\/such\/folder\/x.html: the folder \/no\/such\/folder does not exist/],
  ])('%j exits 2 with a clear message', (args, message) => {
    const r = lab([...args.map((a) => (a === 'ID' ? id : a)), '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('leaves no partly written file when the write fails at the last step', () => {
    // The target is a folder: the temporary file is written, the rename onto it fails.
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    const before = readdirSync(dir).sort();
    const r = lab(['export', id, '--format', 'json', '--out', target, '--db', DB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*taken/);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(target)).toEqual([]);
  });

  it('names what to install when no browser can print the PDF', () => {
    const r = lab(['export', id, '--format', 'pdf', '--out', path.join(dir, 'none.pdf'), '--db', DB], { PROCESS_LAB_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PDF export needs a Chromium-based browser and none was found. Install Chromium \(Debian\/Ubuntu: sudo apt-get install chromium/);
    expect(readdirSync(dir)).not.toContain('none.pdf');
  });
});

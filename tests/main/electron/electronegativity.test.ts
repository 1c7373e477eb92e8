// @doyensec/electronegativity scans what the app ships, built: package.json, the compiled main
// process (dist/main less the CLI, benchmarks, browser shell and launcher, as packaged), the
// preload bundle, the renderer and dist/shared. It exits 0 whatever it finds, so its report is
// judged here: no finding but the false positives docs/security.md justifies, each at exactly
// its place; and no file it could not read (it says "Error parsing" and goes on without it).
// The report is read in its SARIF form: its CSV writer starts the header and the rows as two
// concurrent fs.writeFile calls (util/file.js), and the file comes out garbled now and then.
// Two things the scanner cannot read as shipped, so it also gets them in a form it can:
// - its checks of `new BrowserWindow({ webPreferences })` match the constructor by name, and
//   tsc's CommonJS output calls `new electron_1.BrowserWindow(...)`: those checks would never
//   look at our window. The main process is therefore also scanned as esbuild bundles its
//   sources into one ES module (main-process.bundle.js: imports kept by name, packages left out);
// - the renderer's bundle uses class private fields, which its parser does not know: it is
//   scanned as esbuild lowers it to ES2019, the same code in older syntax.
// A control scan of the same tree with the window's isolation and sandbox turned off and the
// permission handler removed must find exactly that: the scanner really reads our files.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildSync, transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { metaCsp } from '../../../main/shell/page-csp';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(path.dirname(createRequire(__filename).resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

interface Finding { id: string; file: string; location: string; sample: string }
interface Scan { findings: Finding[]; output: string }

type Place = Pick<Finding, 'id' | 'file' | 'location' | 'sample'>;

/** Line:column (1-based line, 0-based column, as the scanner counts) of `token` in `text`. */
function place(text: string, token: string, after = 0): string {
  const at = text.indexOf(token, after);
  if (at < 0) throw new Error(`${JSON.stringify(token)} not found`);
  const lines = text.slice(0, at).split('\n');
  return `${lines.length}:${lines.at(-1)!.length}`;
}

/** The text at `location`, `length` characters long (what a SARIF region names). */
function sampleAt(text: string, location: string, length: number): string {
  const [line, column] = location.split(':').map(Number);
  return text.split('\n')[line - 1].slice(column, column + length);
}

/**
 * The findings docs/security.md explains as false positives ("electronegativity"), each at
 * exactly its place: the meta CSP's script-src 'self'; the window's preload (a review
 * reminder for any preload); middle-click (auxclick) opening windows, which the window-open
 * handler refuses.
 */
function allowedFindings(tree: string): Place[] {
  const html = readFileSync(path.join(tree, 'dist/renderer/app/index.html'), 'utf8');
  const bundle = readFileSync(path.join(tree, 'main-process.bundle.js'), 'utf8');
  const windowAt = bundle.indexOf('new BrowserWindow(');
  return [
    // The scanner points at the meta tag's line, with the policy's length.
    { id: 'CSP_GLOBAL_CHECK', file: 'dist/renderer/app/index.html', location: place(html, '<meta http-equiv="Content-Security-Policy"').replace(/:\d+$/, ':0'), sample: sampleAt(html, place(html, '<meta http-equiv="Content-Security-Policy"').replace(/:\d+$/, ':0'), metaCsp(html)!.length) },
    { id: 'AUXCLICK_JS_CHECK', file: 'main-process.bundle.js', location: place(bundle, 'new BrowserWindow('), sample: sampleAt(bundle, place(bundle, 'new BrowserWindow('), 'const window = new BrowserWindow({'.length) },
    { id: 'PRELOAD_JS_CHECK', file: 'main-process.bundle.js', location: place(bundle, 'preload,', windowAt), sample: 'preload,' },
  ];
}

/** What the packaged app holds of ours, in a folder of its own. */
function shippedTree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-scan-'));
  const copy = (from: string, skip: (rel: string) => boolean = () => false) => cpSync(path.join(ROOT, from), path.join(dir, from), {
    recursive: true,
    filter: (src) => !src.endsWith('.map') && !src.endsWith('.tsbuildinfo') && !skip(path.relative(ROOT, src).split(path.sep).join('/')),
  });
  copy('package.json');
  copy('dist/package.json');
  copy('dist/main', (rel) => /^dist\/main\/(bench|cli|shell|start)(\/|$)/.test(rel));
  copy('dist/preload/preload.bundle.js');
  copy('dist/preload/ipc-channels.js');
  copy('dist/renderer/app');
  copy('dist/shared');
  buildSync({
    entryPoints: [path.join(ROOT, 'main/electron/main.ts')], outfile: path.join(dir, 'main-process.bundle.js'),
    bundle: true, format: 'esm', platform: 'node', packages: 'external', target: 'node22', logLevel: 'error',
  });
  const assets = path.join(dir, 'dist/renderer/app/assets');
  for (const f of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const file = path.join(assets, f);
    writeFileSync(file, transformSync(readFileSync(file, 'utf8'), { target: 'es2019', format: 'esm', legalComments: 'inline' }).code);
  }
  return dir;
}

interface Sarif {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; charLength: number } } }[] }[] }[];
}

/** The findings of a SARIF report, with each one's text taken from the scanned file. */
function readFindings(sarifFile: string, tree: string): Finding[] {
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif;
  return sarif.runs.flatMap((r) => r.results).map((res) => {
    const { artifactLocation, region } = res.locations[0].physicalLocation;
    const file = artifactLocation.uri;
    let sample = '';
    if (file !== 'file:///') {
      const line = readFileSync(path.join(tree, file), 'utf8').split('\n')[region.startLine - 1] ?? '';
      sample = line.slice(region.startColumn - 1, region.startColumn - 1 + region.charLength);
    }
    return { id: res.ruleId, file, location: `${region.startLine}:${region.startColumn - 1}`, sample };
  });
}

function scan(dir: string): Promise<Scan> {
  const report = path.join(dir, '..', `${path.basename(dir)}.sarif`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '-i', dir, '-o', report, '-r', '-v', 'false'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { output += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { output += c; });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) { reject(new Error(`electronegativity exited ${code}: ${output}`)); return; }
      // The report is written after the process has said it is done: wait for it to be whole.
      const read = (tries: number): void => {
        try { resolve({ findings: readFindings(report, dir), output }); } catch (e) {
          if (tries > 0) setTimeout(() => read(tries - 1), 100); else reject(e as Error);
        }
      };
      read(20);
    });
  });
}

let shipped: Scan;
let weakened: Scan;
let allowed: Place[];
beforeAll(async () => {
  const control = shippedTree();
  const edit = (rel: string, from: string, to: string) => {
    const file = path.join(control, rel);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`${rel} no longer contains ${from}`);
    writeFileSync(file, text.replace(from, to));
  };
  edit('main-process.bundle.js', 'contextIsolation: true', 'contextIsolation: false');
  edit('main-process.bundle.js', 'sandbox: true', 'sandbox: false');
  edit('main-process.bundle.js', '.setPermissionRequestHandler(', '.setPermissionRequestHandlerX(');
  edit('dist/main/electron/web-security.js', '.setPermissionRequestHandler(', '.setPermissionRequestHandlerX(');
  // Both scans at once: each waits for its offline look-ups to time out.
  const tree = shippedTree();
  allowed = allowedFindings(tree);
  [shipped, weakened] = await Promise.all([scan(tree), scan(control)]);
}, 180_000);

describe('electronegativity on the shipped code', () => {
  it('reads every file (none it could not parse)', () => {
    expect(shipped.output).not.toMatch(/Error parsing/);
    expect(weakened.output).not.toMatch(/Error parsing/);
  });

  it('finds nothing but the justified false positives, each at exactly its place', () => {
    const isAllowed = (f: Finding) => allowed.some((a) => a.id === f.id && a.file === f.file && a.location === f.location && a.sample === f.sample);
    expect(shipped.findings.filter((f) => !isAllowed(f))).toEqual([]);
    expect(shipped.findings.length).toBeLessThanOrEqual(allowed.length);
  });

  it('does find isolation, sandbox and the permission handler turned off in the same code (control)', () => {
    const ids = new Set(weakened.findings.map((f) => f.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) expect([...ids], id).toContain(id);
    expect(weakened.findings.filter((f) => f.file === 'main-process.bundle.js').length).toBeGreaterThanOrEqual(2);
  });
});

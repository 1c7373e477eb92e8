// The newcomer's path: README.md names what the tests need and how to install it, and a
// machine that lacks Chromium or poppler gets failing tests that say so, never skipped ones.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_LINE } from './support/chromium';

const ROOT = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

interface Outcome { title: string; status: string; failureMessages: string[] }

/** Runs the report tests in a nested vitest with `env`; returns each test's outcome. */
function reportTests(env: NodeJS.ProcessEnv): Outcome[] {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-prereq-')), 'result.json');
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/main/core/reports/report-html.test.ts', '--reporter=json', `--outputFile=${out}`],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env } });
  const result = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: Outcome[] }[] };
  return result.testResults.flatMap((f) => f.assertionResults);
}

/** A PATH with every program of ours but the poppler tools. */
function pathWithout(tools: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-path-'));
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!folder || !existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      if (tools.includes(name) || existsSync(path.join(dir, name))) continue;
      symlinkSync(path.join(folder, name), path.join(dir, name));
    }
  }
  return dir;
}

describe('what the tests need', () => {
  it('README names each prerequisite, the Debian/Ubuntu install line the tests give, and the Node versions package.json allows', () => {
    const section = readme.split('## What the tests need')[1]?.split('\n## ')[0] ?? '';
    for (const need of ['Chromium', 'poppler-utils', 'python3 3.11', 'C++ toolchain', 'better-sqlite3']) expect(section).toContain(need);
    expect(section).toContain(INSTALL_LINE);
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || >=24');
    expect(section).toContain('Node.js 20.19 or newer on 20.x, 22.12 or newer on 22.x, or 24 and later');
  });

  it('without Chromium, every report test fails with the install line; none is skipped', () => {
    const outcomes = reportTests({ PROCESS_LAB_CHROMIUM: '/nonexistent/chromium' });
    expect(outcomes.length).toBe(4);
    for (const o of outcomes) {
      expect(o.status, o.title).toBe('failed');
      expect(o.failureMessages.join('\n')).toContain(`this test needs Chromium, and PROCESS_LAB_CHROMIUM=/nonexistent/chromium does not exist. Install what the tests need (README.md, "What the tests need"); on Debian/Ubuntu: ${INSTALL_LINE}`);
    }
  }, 360_000);

  it('without poppler, the PDF test fails with the install line; the others pass', () => {
    const outcomes = reportTests({ PATH: pathWithout(['pdfinfo', 'pdftoppm', 'pdftotext']) });
    expect(outcomes.length).toBe(4);
    const pdf = outcomes.filter((o) => /printed by Chromium/.test(o.title));
    expect(pdf).toHaveLength(1);
    expect(pdf[0].status).toBe('failed');
    expect(pdf[0].failureMessages.join('\n')).toContain(`this test needs pdfinfo (poppler-utils), and it is not on the PATH. Install what the tests need (README.md, "What the tests need"); on Debian/Ubuntu: ${INSTALL_LINE}`);
    expect(outcomes.filter((o) => o !== pdf[0]).map((o) => o.status)).toEqual(['passed', 'passed', 'passed']);
  }, 360_000);
});

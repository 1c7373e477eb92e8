// The CLI is a client of the service, as the desktop app is: it reaches the kernel, the
// history, runs and exporters only through main/core/service. What it may import besides:
// shared/, Node's modules, the process port it hands the service, and the safe file writer
// its exports go through.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'main/cli');

const ALLOWED = [/^main\/cli\//, /^shared\//, /^main\/core\/service\//, /^main\/core\/process-port\/node-fork-port$/, /^main\/core\/write-file-atomic$/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file imports (static, type-only, re-exported or dynamic). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('the CLI', () => {
  it('imports the core only through the service', () => {
    const files = sources(CLI);
    expect(files.length).toBeGreaterThan(10);
    const outside: string[] = [];
    for (const file of files) {
      for (const spec of imports(file)) {
        if (spec.startsWith('node:')) continue;
        const target = spec.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), spec)) : spec;
        if (!ALLOWED.some((re) => re.test(target))) outside.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

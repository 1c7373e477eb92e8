// README.md's two commands stay true: CI runs the test command README names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  const block = readme.split('```sh')[1].split('```')[0].trim().split('\n').map((l) => l.replace(/#.*/, '').trim());

  it('starts with an install-and-start command and a test command', () => {
    expect(block[0]).toBe('npm ci && npm start');
    expect(block[1]).toBe('npm test');
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });

  it('names the test command that .ci/run runs', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(new RegExp(`^${block[1]}$`, 'm'));
  });
});

// "Use a current version of Electron" (the checklist's item 16): the Electron that is
// installed is the major version package.json asks for and docs/security.md names, so the
// document and the app cannot drift apart silently when either is upgraded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('the Electron the app is built on', () => {
  it('is the major version package.json asks for and docs/security.md names', () => {
    const installed = (json('node_modules/electron/package.json').version as string);
    const wanted = (json('package.json').devDependencies as Record<string, string>).electron;
    const major = Number(installed.split('.')[0]);
    expect(wanted).toMatch(new RegExp(`^\\^${major}\\.`));
    const doc = readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8');
    const named = [...doc.matchAll(/\bElectron (\d+)\b/g)].map((m) => Number(m[1]));
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([major]));
  });

  it('is the one whose Chromium the preload bundle is built for', () => {
    const installed = json('node_modules/electron/package.json').version as string;
    const chromiumOf: Record<number, number> = { 45: 140 };
    const major = Number(installed.split('.')[0]);
    expect(chromiumOf[major], `add Electron ${major}'s Chromium to this table`).toBeDefined();
    expect(readFileSync(path.join(ROOT, 'build/bundle-preload.mjs'), 'utf8')).toContain(`target: 'chrome${chromiumOf[major]}'`);
  });
});

// The app's two statements of its Content-Security-Policy, the header the app:// protocol
// sends and the meta tag of the built page (dist/renderer/app/index.html): the browser
// enforces both, so where they differ the page gets the stricter one and breaks in ways no
// browser test of the shell would show. Each directive the meta states is the same in the
// header; the header is nowhere looser than the meta; and neither allows anything remote.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/content-security-policy';
import { metaCsp } from '../../../main/shell/page-csp';

const INDEX = path.resolve(__dirname, '../../../dist/renderer/app/index.html');
const pageCsp = (): string => {
  const csp = metaCsp(readFileSync(INDEX, 'utf8'));
  if (!csp) throw new Error(`${INDEX} has no Content-Security-Policy meta tag: run "npm run build"`);
  return csp;
};

function parse(policy: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    m.set(name.toLowerCase(), sources.sort());
  }
  return m;
}

/** CSP level 3's fallback for the fetch directives. */
const FALLBACK: Record<string, string[]> = {
  'script-src': ['default-src'], 'style-src': ['default-src'], 'img-src': ['default-src'], 'font-src': ['default-src'],
  'connect-src': ['default-src'], 'object-src': ['default-src'], 'frame-src': ['child-src', 'default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'], 'child-src': ['default-src'],
};

function effective(p: Map<string, string[]>, directive: string): string[] | null {
  for (const d of [directive, ...(FALLBACK[directive] ?? [])]) if (p.has(d)) return p.get(d)!;
  return null; // not restricted
}

describe('the Content-Security-Policy', () => {
  const meta = parse(pageCsp());
  const header = parse(CONTENT_SECURITY_POLICY);

  it('says in the header exactly what the built page\'s meta tag says, directive by directive', () => {
    for (const [directive, sources] of meta) expect(header.get(directive), directive).toEqual(sources);
  });

  it('is nowhere looser in the header than in the meta tag', () => {
    for (const directive of new Set([...meta.keys(), ...header.keys(), ...Object.keys(FALLBACK)])) {
      const h = effective(header, directive);
      const m = effective(meta, directive);
      if (m === null) continue;
      expect(h, directive).not.toBeNull();
      if (h!.includes("'none'")) continue;
      for (const s of h!) expect(m, `${directive} ${s}`).toContain(s);
    }
  });

  it('allows nothing remote, no inline or evaluated script, no plugin, no framing of the app', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, pageCsp()]) {
      expect(policy).not.toMatch(/https?:|wss?:|\*|'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'wasm-unsafe-eval'/);
      expect(parse(policy).get('object-src')).toEqual(["'none'"]);
      expect(parse(policy).get('script-src')).toEqual(["'self'"]);
    }
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

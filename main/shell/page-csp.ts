// The Content-Security-Policy of the app's page is written once, in its <meta> tag
// (renderer/app/index.html, which Electron loads too); the browser shell reads it from the
// built page and sends it as a header, adding what only a header can say.
import { readFileSync } from 'node:fs';

export function metaCsp(html: string): string | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return m ? m[1] : null;
}

export function headerCsp(indexHtmlFile: string): string {
  const csp = metaCsp(readFileSync(indexHtmlFile, 'utf8'));
  if (!csp) throw new Error(`${indexHtmlFile} has no Content-Security-Policy meta tag: rebuild the app (npm run build)`);
  // frame-ancestors is ignored in a meta tag: only the header can keep other pages from framing it.
  return `${csp}; frame-ancestors 'none'`;
}

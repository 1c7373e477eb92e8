// Builds the desktop app's renderer (renderer/app) into dist/renderer/app: one page, every
// asset bundled (no CDN, no remote fonts), relative URLs so Electron can load it from disk and
// the browser shell can serve it from any port.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'app'),
  base: './',
  plugins: [svelte({ compilerOptions: { runes: true } })],
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer', 'app'),
    emptyOutDir: true,
    // No data: URLs, so the CSP needs no data: source.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: true,
    reportCompressedSize: false,
    // The build is quiet unless something is wrong (npm run serve prints one line).
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  logLevel: 'warn',
});

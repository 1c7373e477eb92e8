// Bundles the preload into one file that requires nothing but "electron": the window is
// sandboxed, and a sandboxed preload cannot require our other modules (or zod) at runtime.
import { build } from 'esbuild';

await build({
  entryPoints: ['preload/preload.ts'],
  outfile: 'dist/preload/preload.bundle.js',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  // Electron 45 runs Chromium 140.
  target: 'chrome140',
  external: ['electron'],
  legalComments: 'none',
  logLevel: 'warning',
});

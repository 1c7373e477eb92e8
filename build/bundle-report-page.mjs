// Bundles the HTML report's script (renderer/report/report-page.ts, with chart.js) into one
// file that the report exporter inlines, so a saved report needs no network and no files.
import { build } from 'esbuild';

await build({
  entryPoints: ['renderer/report/report-page.ts'],
  outfile: 'dist/renderer/report-page.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'inline',
  logLevel: 'warning',
});

// Starts peak-rss-child.js in a fresh Node process and reads its answer.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { PeakRss } from './peak-rss-child';

export function measurePeakRss(items: number): Promise<PeakRss> {
  const child = path.join(__dirname, 'peak-rss-child.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [child, String(items)], { timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) { reject(new Error(`peak RSS run failed: ${err.message}\n${stderr}`)); return; }
      resolve(JSON.parse(stdout) as PeakRss);
    });
  });
}

// The desktop app's entry (dist/main/electron/main.js, package.json "main"). Everything
// happens in launch.ts; this file only starts it and makes a failure to start visible.
import { app } from 'electron';
import { launchApp } from './launch';

launchApp().catch((e: Error) => {
  process.stderr.write(`Process Lab could not start: ${e.stack ?? e.message}\n`);
  app.exit(1);
});

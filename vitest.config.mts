import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Tests start real processes; two cores are shared by the workers and the runner.
    maxWorkers: 2,
    testTimeout: 30_000,
    // No test may touch the user's own run history: the default place is a temporary folder.
    env: { XDG_DATA_HOME: mkdtempSync(path.join(os.tmpdir(), 'lab-tests-data-')) },
    hookTimeout: 30_000,
  },
});

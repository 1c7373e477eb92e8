// Reading the live charts of the app's run view from a test: pixels painted on a canvas layer
// (alpha > 0: the layers are transparent where nothing is drawn), and where a lane is.
import type { Page } from 'playwright-core';

/** Pixels painted on the canvases `[data-layer=layer]` of the run view (a layer may be drawn in strips). */
export function paintedPixels(page: Page, layer: string): Promise<number> {
  return page.locator(`canvas[data-layer="${layer}"]`).evaluateAll((cs: HTMLCanvasElement[]) => {
    let n = 0;
    for (const c of cs) {
      if (!c.width || !c.height) continue;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    }
    return n;
  });
}

/** Waits until a layer has at least `min` painted pixels; answers how many it had. */
export async function waitForPaint(page: Page, layer: string, min: number, timeoutMs = 60_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const n = await paintedPixels(page, layer);
    if (n >= min) return n;
    if (Date.now() > end) throw new Error(`the ${layer} layer has ${n} painted pixels after ${timeoutMs} ms (wanted ${min})`);
    await page.waitForTimeout(100);
  }
}

/**
 * A point on the timeline's plot (page coordinates) inside a painted span of some lane, found
 * by reading the spans layer: the middle of the widest painted run of pixels on a lane's row.
 */
export async function pointOnASpan(page: Page): Promise<{ x: number; y: number }> {
  await page.locator('[data-chart-region="timeline"] .chart').scrollIntoViewIfNeeded();
  return page.locator('canvas[data-layer="spans"]').evaluateAll((cs: HTMLCanvasElement[]) => {
    let best = { len: 0, x: 0, y: 0 };
    for (const c of cs) {
      const box = c.getBoundingClientRect();
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const sx = c.width / box.width, sy = c.height / box.height;
      for (let y = 0; y < c.height; y += 3) {
        let run = 0;
        for (let x = 0; x <= c.width; x++) {
          if (x < c.width && d[(y * c.width + x) * 4 + 3] === 255) { run++; continue; }
          if (run > best.len) best = { len: run, x: box.left + (x - run / 2) / sx, y: box.top + y / sy };
          run = 0;
        }
      }
    }
    return { x: best.x, y: best.y };
  });
}

const LIVE = ['starting', 'preparing', 'running', 'ending'];

/**
 * Watches the run view at every animation frame from now on: the most pixels the spans and
 * tracks layers had, and the transcript lines shown, while the run's status was still live.
 * (A fast run can end before a test looks; the page itself sees every frame.)
 */
export async function watchWhileLive(page: Page): Promise<() => Promise<{ spans: number; tracks: number; lines: number; frames: number }>> {
  await page.evaluate((live) => {
    const w = window as unknown as { __whileLive: { spans: number; tracks: number; lines: number; frames: number; on: boolean } };
    const seen = (w.__whileLive = { spans: 0, tracks: 0, lines: 0, frames: 0, on: true });
    const painted = (layer: string): number => {
      let n = 0;
      for (const c of document.querySelectorAll<HTMLCanvasElement>(`canvas[data-layer="${layer}"]`)) {
        if (!c.width || !c.height) continue;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
      }
      return n;
    };
    const frame = () => {
      if (!seen.on) return;
      const status = document.querySelector('[data-view="run"] [data-status]')?.getAttribute('data-status');
      if (status && live.includes(status)) {
        seen.frames++;
        seen.spans = Math.max(seen.spans, painted('spans'));
        seen.tracks = Math.max(seen.tracks, painted('tracks'));
        seen.lines = Math.max(seen.lines, document.querySelectorAll('.transcript li[data-pid]').length);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, LIVE);
  return () => page.evaluate(() => {
    const w = window as unknown as { __whileLive: { spans: number; tracks: number; lines: number; frames: number; on: boolean } };
    w.__whileLive.on = false;
    const { spans, tracks, lines, frames } = w.__whileLive;
    return { spans, tracks, lines, frames };
  });
}

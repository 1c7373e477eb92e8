// The script of a saved HTML report: folds the run embedded in the page through the live
// reducers (shared/live) and draws the same charts as the app (shared/charts). Bundled with
// chart.js into one inline script.
import Chart from 'chart.js/auto';
import type { LabEvent } from '../../shared/events';
import type { RunReport } from '../../shared/run-report';
import { runChartConfigs } from '../../shared/charts/chart-configs';
import { LiveModel } from '../../shared/live';

interface EmbeddedRun { report: RunReport; events: LabEvent[] }

function draw(): void {
  const data = JSON.parse(document.getElementById('lab-data')!.textContent!) as EmbeddedRun;
  const model = new LiveModel();
  model.fold(data.events);
  // The charts span the whole run; when the page embeds only the first events (it says so),
  // they end with the last one rather than draw what is not there.
  const cut = data.report.eventCount > data.events.length;
  const configs = runChartConfigs(model, { toUs: cut ? model.atUs : Math.max(data.report.durationMs * 1000, model.atUs) });
  let drawn = 0;
  for (const [id, config] of Object.entries(configs)) {
    const canvas = document.getElementById(`chart-${id}`) as HTMLCanvasElement | null;
    if (!canvas) continue;
    new Chart(canvas, config as never);
    drawn++;
  }
  // For tests and for printing: the charts are on the page.
  document.body.dataset.chartsDrawn = String(drawn);
}

draw();

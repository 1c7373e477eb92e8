// The script of a saved HTML report: reads the run embedded in the page and draws the same
// charts as the app (shared/charts). Bundled with chart.js into one inline script.
import Chart from 'chart.js/auto';
import type { LabEvent } from '../../shared/events';
import type { RunReport } from '../../shared/run-report';
import { throughputConfig, timelineConfig, tracksConfig } from '../../shared/charts/chart-configs';

interface EmbeddedRun { report: RunReport; events: LabEvent[] }

function draw(): void {
  const data = JSON.parse(document.getElementById('lab-data')!.textContent!) as EmbeddedRun;
  const configs = {
    timeline: timelineConfig(data.report, data.events),
    tracks: tracksConfig(data.events),
    throughput: throughputConfig(data.events),
  };
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

// The HTML report: one self-contained file (styles, chart.js and the run's data inline; a CSP
// that forbids any request) that opens offline in any browser and prints well.
import { readFileSync } from 'node:fs';
import { findScenarioMeta } from '../../../../shared/scenarios';
import { processColour } from '../../../../shared/charts/palette';
import { compiledPath } from '../../compiled-path';
import type { RunExport } from '../run-export';
import { REPORT_CSS } from './report-css';

/** Events embedded in the page; the charts of a longer run use the first ones (said in the page). */
export const MAX_EMBEDDED_EVENTS = 50_000;

const count = (n: number) => n.toLocaleString('en-US');

/** What a page that embeds `embedded` of a run's `total` events says it left out (null: nothing). */
export function leftOutNote(embedded: number, total: number): string | null {
  if (total <= embedded) return null;
  const share = embedded / total * 100;
  return `This run recorded ${count(total)} events; this report embeds the first ${count(embedded)} ` +
    `(${share < 1 ? share.toFixed(2) : share.toFixed(0)}%) for its charts and raw data and leaves ${count(total - embedded)} out. ` +
    'Its parameters, invariants, output and processes are complete. The CSV, JSON and Chrome trace exports hold every event.';
}

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON that can sit inside a <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

let pageScript: string | undefined;

export function reportHtml(run: RunExport): string {
  pageScript ??= readFileSync(compiledPath('renderer/report-page.js'), 'utf8');
  const r = run.report;
  const meta = findScenarioMeta(r.scenario);
  const events = run.events.slice(0, MAX_EMBEDDED_EVENTS);
  const leftOut = leftOutNote(events.length, Math.max(run.events.length, r.eventCount));
  const colour = new Map(r.processes.map((p, i) => [p.pid, processColour(i)]));
  const ok = (b: boolean | null) => (b === null ? '<span class="unjudged">–</span>' : b ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta?.title ?? r.scenario)} — run ${esc(r.runId)}</title>
<style>${REPORT_CSS}</style></head>
<body>
<header><h1>${esc(meta?.title ?? r.scenario)}</h1>
<p class="sub">Process Lab run <code>${esc(r.runId)}</code> · scenario <code>${esc(r.scenario)}</code> · started ${esc(r.startedAt)} · ${(r.durationMs / 1000).toFixed(2)} s</p>
<p class="status ${r.passed ? 'passed' : 'failed'}">${esc(r.status)}${r.status !== r.expectedStatus ? ` (this variant is meant to end ${esc(r.expectedStatus)})` : ''} — ${r.passed ? 'ended as expected' : 'did not end as expected'}</p>
${leftOut ? `<p class="left-out" id="left-out">${esc(leftOut)}</p>` : ''}</header>
<section><h2>Parameters</h2><table>${Object.entries(r.params).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(JSON.stringify(v))}</td></tr>`).join('')}</table>
<p class="note">The random sleeps can be replayed with the same seed; the interleaving of real processes cannot.</p></section>
<section><h2>Invariants</h2><ul class="invariants">${r.invariants.map((i) => `<li>${ok(i.ok)} ${esc(i.description)} <span class="detail">— ${esc(i.detail)}</span></li>`).join('')}</ul>
${r.notes.length ? `<h3>Notes</h3><ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
${r.prediction ? `<p class="predict"><b>Predict, then run:</b> ${esc(r.prediction.question)} <b>This run:</b> <code>${esc(JSON.stringify(r.prediction.answer))}</code></p>` : ''}</section>
${meta ? `<section><h2>What this example shows</h2><p>${esc(meta.explanation)}</p>
<h3>What to watch</h3><ul>${meta.watch.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>
<h3>Pitfalls</h3><ul>${meta.pitfalls.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>` : ''}
<section><h2>Charts</h2>
${leftOut ? `<p class="note">The charts show the first ${count(events.length)} events${events.length ? `, up to ${(events[events.length - 1].t / 1e6).toFixed(3)} s` : ''}; see the note at the top.</p>` : ''}
<div class="chart tall"><canvas id="chart-timeline"></canvas></div>
<div class="chart"><canvas id="chart-tracks"></canvas></div>
<div class="chart"><canvas id="chart-throughput"></canvas></div></section>
<section><h2>Output</h2><pre class="transcript">${r.output.map((o) => `<span style="color:${colour.get(o.pid) ?? '#333'}">[${esc(o.name)} ${o.pid}] ${esc(o.text)}</span>`).join('\n')}</pre></section>
<section><h2>Processes</h2><table><tr><th>pid</th><th>name</th><th>program</th><th>parent</th><th>daemon</th><th>exit</th><th>start ms</th><th>end ms</th></tr>
${r.processes.map((p) => `<tr><td style="color:${colour.get(p.pid)}">${p.pid}</td><td>${esc(p.name)}</td><td>${esc(p.program)}</td><td>${p.parentPid ?? ''}</td><td>${p.daemon ? 'yes' : ''}</td><td>${esc(p.signal ?? p.exitCode ?? '')}</td><td>${p.startMs}</td><td>${p.endMs ?? ''}</td></tr>`).join('')}</table></section>
<details><summary>Raw data (the report and ${events.length} events, as JSON)</summary><p class="note">Also in the page source, in the script element with id <code>lab-data</code>.</p></details>
<script type="application/json" id="lab-data">${scriptJson({ report: r, events })}</script>
<script>${pageScript}</script>
</body></html>
`;
}

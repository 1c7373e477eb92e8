// A comparison of two runs as one self-contained HTML file (styles inline, no script, a CSP
// that forbids any request), like a run report: each run's facts side by side, then its
// parameters, invariants and result values, every row that differs marked with ≠ and a word
// (never by colour alone). Charts of both runs on one time axis come with the replay; each
// run's own HTML report has its charts.
import type { Comparison, ComparedRow } from '../../../../shared/contract';
import type { RunReport } from '../../../../shared/run-report';
import { findScenarioMeta } from '../../../../shared/scenarios';
import { REPORT_CSS } from './report-css';

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SECTIONS: { id: ComparedRow['section']; title: string }[] = [
  { id: 'run', title: 'The runs' },
  { id: 'param', title: 'Parameters' },
  { id: 'invariant', title: 'Invariants' },
  { id: 'result', title: 'Result values' },
];

const RUN_KEYS: Record<string, string> = {
  scenario: 'Scenario', status: 'Status', passed: 'Ended as expected', durationMs: 'Duration', processes: 'Processes', eventCount: 'Events',
};

const COMPARE_CSS = `
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1em } .pair > div { border: 1px solid #ddd; border-radius: 4px; padding: .5em .8em }
table.rows { width: 100%; border-collapse: collapse } table.rows th, table.rows td { border-bottom: 1px solid #eee; padding: .3em .6em }
table.rows td.v { font-family: ui-monospace, monospace; font-size: 13px; word-break: break-word }
tr.differs { background: #fff3e0 } tr.differs th::before { content: "≠ "; color: #b34700; font-weight: 700 }
.mark { font-size: 12px; color: #666 } tr.differs .mark { color: #b34700; font-weight: 700 }
`;

export function compareFileTitle(c: Comparison): string {
  const title = (r: RunReport) => findScenarioMeta(r.scenario)?.title ?? r.scenario;
  return c.a.scenario === c.b.scenario ? `${title(c.a)}: two runs compared` : `${title(c.a)} and ${title(c.b)} compared`;
}

export function compareHtml(c: Comparison, exportedAt = new Date()): string {
  const differing = c.rows.filter((r) => r.differs).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(compareFileTitle(c))}</title>
<style>${REPORT_CSS}${COMPARE_CSS}</style></head>
<body>
<header><h1>${esc(compareFileTitle(c))}</h1>
<p class="sub">Process Lab · run A <code>${esc(c.a.runId)}</code> and run B <code>${esc(c.b.runId)}</code> · exported ${esc(exportedAt.toISOString())}</p>
<p class="summary">${differing} of ${c.rows.length} compared values differ; each is marked ≠.</p></header>
<section class="pair">${runCard('A', c.a)}${runCard('B', c.b)}</section>
${SECTIONS.map((s) => section(s.id, s.title, c)).join('\n')}
<section><h2>Charts</h2><p class="note">Each run's own HTML report draws its charts. Both runs' charts on one time axis come with the app's replay.</p></section>
</body></html>
`;
}

function runCard(label: string, r: RunReport): string {
  const meta = findScenarioMeta(r.scenario);
  return `<div data-run="${label}"><h2>Run ${label}</h2>
<p><b>${esc(meta?.title ?? r.scenario)}</b> <code>${esc(r.scenario)}</code><br>run <code>${esc(r.runId)}</code> · started ${esc(r.startedAt)}</p>
<p class="status ${r.passed ? 'passed' : 'failed'}">${esc(r.status)}${r.status !== r.expectedStatus ? ` (meant to end ${esc(r.expectedStatus)})` : ''} — ${r.passed ? 'ended as expected' : 'did not end as expected'}</p>
${r.hang ? `<p class="detail">${esc(r.hang.summary)}</p>` : ''}
${r.notes.length ? `<ul class="note">${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}</div>`;
}

function section(id: ComparedRow['section'], title: string, c: Comparison): string {
  const rows = c.rows.filter((r) => r.section === id);
  if (rows.length === 0) return '';
  const body = rows.map((r) => `<tr class="${r.differs ? 'differs' : 'same'}" data-section="${id}" data-key="${esc(r.key)}" data-differs="${r.differs}">` +
    `<th scope="row">${esc(label(r, c))}</th><td class="v">${cell(r, r.a, c.a)}</td><td class="v">${cell(r, r.b, c.b)}</td>` +
    `<td class="mark">${r.differs ? 'differs' : 'same'}</td></tr>`).join('\n');
  return `<section data-section="${id}"><h2>${esc(title)}</h2><table class="rows"><thead><tr><th></th><th>Run A</th><th>Run B</th><th></th></tr></thead><tbody>
${body}
</tbody></table></section>`;
}

function label(r: ComparedRow, c: Comparison): string {
  if (r.section === 'run') return RUN_KEYS[r.key] ?? r.key;
  if (r.section === 'invariant') return [...c.a.invariants, ...c.b.invariants].find((i) => i.id === r.key)?.description ?? r.key;
  return r.key;
}

function cell(r: ComparedRow, v: unknown, run: RunReport): string {
  if (r.section === 'invariant') {
    const inv = run.invariants.find((i) => i.id === r.key);
    if (!inv) return '<span class="unjudged">not in this run</span>';
    const mark = inv.ok === null ? '<span class="unjudged">– not judged</span>' : inv.ok ? '<span class="ok">✓ held</span>' : '<span class="bad">✗ broken</span>';
    return `${mark}<br><span class="detail">${esc(inv.detail)}</span>`;
  }
  if (r.section === 'run' && r.key === 'durationMs' && typeof v === 'number') return `${(v / 1000).toFixed(2)} s`;
  if (r.section === 'run' && r.key === 'passed') return v === true ? '✓ yes' : v === false ? '✗ no' : '–';
  if (v === null || v === undefined) return '<span class="unjudged">–</span>';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return esc(text.length > 2000 ? `${text.slice(0, 1997)}…` : text);
}

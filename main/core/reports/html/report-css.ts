// The report's styles: readable on screen, tidy on paper (A4, charts kept whole).
export const REPORT_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; color: #222; max-width: 960px; margin: 2em auto; padding: 0 1em; }
h1 { margin-bottom: .2em } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em }
.sub { color: #666; margin-top: 0 } code { background: #f4f4f4; padding: 0 .25em; border-radius: 3px }
.status { font-weight: 600; padding: .4em .8em; border-radius: 4px; display: inline-block }
.status.passed { background: #e8f5e9; color: #1b5e20 } .status.failed { background: #ffebee; color: #b71c1c }
table { border-collapse: collapse } th, td { text-align: left; padding: .15em .8em .15em 0; vertical-align: top }
.invariants { list-style: none; padding: 0 } .ok { color: #2e7d32; font-weight: 700 } .bad { color: #c62828; font-weight: 700 } .unjudged { color: #777; font-weight: 700 }
.detail, .note { color: #666 } .predict { background: #fff8e1; padding: .5em .8em; border-radius: 4px }
.left-out { background: #e3f2fd; border-left: 4px solid #1565c0; padding: .5em .8em }
.chart { position: relative; height: 260px; margin: 1em 0; break-inside: avoid } .chart.tall { height: 360px }
.transcript { background: #fafafa; border: 1px solid #eee; padding: .8em; white-space: pre-wrap; font-size: 12px; max-height: 40em; overflow: auto }
@media print { body { margin: 0; max-width: none } .transcript { max-height: none; overflow: visible } details { display: none } }
`;

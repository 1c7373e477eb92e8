// Loaded with --require into a forked worker: gives it a process.parentPort shaped like
// Electron's utility process ({ postMessage, on('message', e => e.data) }), so the
// worker's parentPort branch runs for real without Electron.
const send = process.send.bind(process);
const listeners = [];
process.on('message', (m) => { for (const l of listeners) l({ data: m }); });
process.on('disconnect', () => process.exit(0));
process.parentPort = {
  postMessage: (m) => send(m),
  on: (event, l) => { if (event === 'message') listeners.push(l); },
};

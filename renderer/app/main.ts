// The renderer's entry: picks the transport, starts reading the catalogue, mounts the app.
import './lib/zod-jitless';
import { mount } from 'svelte';
import App from './App.svelte';
import { setTransport } from './lib/lab-context';
import { pickTransport } from './lib/transport';
import { catalogue } from './state/catalogue.svelte';
import { connection } from './state/connection.svelte';
import './styles/app.css';

const choice = pickTransport();
if (choice.ok) {
  setTransport(choice.transport);
  choice.transport.onConnectionLost((m) => { connection.lost = m; });
  void catalogue.load(choice.transport.lab);
}

mount(App, { target: document.getElementById('app')!, props: { failure: choice.ok ? null : choice.message } });

/** Entry point: starts loading the sample street, then mounts the GridAtlas app. */
import { mount } from 'svelte';
import { app } from './ui/app-state.svelte.ts';
import App from './ui/App.svelte';
import './ui/global.css';

// The data worker reads and validates while the map sets up WebGL on this thread.
void app.loadSample();
mount(App, { target: document.getElementById('app')! });

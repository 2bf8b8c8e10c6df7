/** Entry point: starts loading the street last opened (else the sample), then mounts the app. */
import { mount } from 'svelte';
import { app } from './ui/app-state.svelte.ts';
import App from './ui/App.svelte';
import './ui/global.css';

// The data worker reads and validates while the map sets up WebGL on this thread.
void app.start();
mount(App, { target: document.getElementById('app')! });

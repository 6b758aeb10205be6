import { mount } from 'svelte';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';
import './styles/schedule.css';
import App from './App.svelte';
import { markStart } from './lib/marks';

// Every module has been evaluated.
markStart('evaluated');
mount(App, { target: document.getElementById('app')! });
markStart('mounted');

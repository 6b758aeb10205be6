import { mount } from 'svelte';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';
import './styles/schedule.css';
import App from './App.svelte';

// The page's steps of a start, read by scripts/bench-app beside the shell's (docs/performance.md):
// here every module has been evaluated.
performance.mark('tsunagu:evaluated');

mount(App, { target: document.getElementById('app')! });
performance.mark('tsunagu:mounted');

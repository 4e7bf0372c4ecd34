// Entry of the panel's script (bundled into media/panel.js). The VS Code API object stays in this closure.
import { App } from './app';

const root = document.getElementById('root');
if (root) new App(acquireVsCodeApi(), root).start();

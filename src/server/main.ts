// Entry of the language server bundle (dist/server.js): IPC when the extension starts it, stdio with --stdio.
import { startServer } from './server';

startServer();

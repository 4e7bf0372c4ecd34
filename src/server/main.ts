// Entry of the language server bundle (dist/server.js): IPC when the extension starts it, stdio with --stdio.
import { startServer } from './server';

startServer();
// Started over IPC, the server has no other reason to live once the editor closes the channel (its go children are
// killed on exit by gocmd).
process.on('disconnect', () => process.exit(1));

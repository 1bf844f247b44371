// Entry point of the bundled language server (dist/server.js) that the VS Code client starts.
import { startServer } from './lsp/server';

startServer();

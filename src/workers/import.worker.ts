// Web Worker entry of CSV/Excel import and export: serves import-protocol.ts.
import { createImportProtocol } from './import-protocol';
import { serveProtocol } from './serve';

serveProtocol(createImportProtocol);

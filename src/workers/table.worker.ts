// Web Worker entry of the table worker (queries and whole-table recomputes): serves table-protocol.ts.
import { serveProtocol } from './serve';
import { createTableProtocol } from './table-protocol';

serveProtocol(createTableProtocol);

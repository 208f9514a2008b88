// Web Worker entry of whole-table formula evaluation: serves evaluate-protocol.ts.
import { createEvaluateProtocol } from './evaluate-protocol';
import { serveProtocol } from './serve';

serveProtocol(createEvaluateProtocol);

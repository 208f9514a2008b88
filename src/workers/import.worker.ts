// Web Worker entry of CSV/Excel import and export: wires the protocol (import-protocol.ts) to the worker global.
import { createImportProtocol, createMessageChannelYield } from './import-protocol';

/** The part of DedicatedWorkerGlobalScope used here; the project's type library is the DOM one, not WebWorker. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage: (message: unknown) => void;
}

const scope = self as unknown as WorkerScope;

const handle = createImportProtocol({
  post: (message) => {
    scope.postMessage(message);
  },
  yieldToEventLoop: createMessageChannelYield(),
  now: () => performance.now(),
});

scope.onmessage = (event) => {
  handle(event.data);
};

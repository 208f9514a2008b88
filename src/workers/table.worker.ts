// Web Worker entry of the table worker (queries and whole-table recomputes): wires table-protocol.ts to the global.
import { createMessageChannelYield } from './evaluate-protocol';
import { createTableProtocol } from './table-protocol';

/** The part of DedicatedWorkerGlobalScope used here; the project's type library is the DOM one, not WebWorker. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage: (message: unknown) => void;
}

const scope = self as unknown as WorkerScope;

const handle = createTableProtocol({
  post: (message) => {
    scope.postMessage(message);
  },
  yieldToEventLoop: createMessageChannelYield(),
  now: () => performance.now(),
});

scope.onmessage = (event) => {
  handle(event.data);
};

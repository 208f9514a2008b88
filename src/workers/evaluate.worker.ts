// Web Worker entry of whole-table formula evaluation: wires the protocol (evaluate-protocol.ts) to the worker global.
import { createEvaluateProtocol, createMessageChannelYield } from './evaluate-protocol';

/** The part of DedicatedWorkerGlobalScope used here; the project's type library is the DOM one, not WebWorker. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage: (message: unknown) => void;
}

const scope = self as unknown as WorkerScope;

const handle = createEvaluateProtocol({
  post: (message) => {
    scope.postMessage(message);
  },
  yieldToEventLoop: createMessageChannelYield(),
  now: () => performance.now(),
});

scope.onmessage = (event) => {
  handle(event.data);
};

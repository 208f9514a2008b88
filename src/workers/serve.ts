// What every worker entry does: build its protocol with a host on the worker global (post, a yield that lets
// messages in between chunks, a monotonic clock) and feed it the messages that arrive.
import { createMessageChannelYield } from './evaluate-protocol';

/** The part of DedicatedWorkerGlobalScope used here; the project's type library is the DOM one, not WebWorker. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage: (message: unknown) => void;
}

export interface WorkerHost<Out> {
  readonly post: (message: Out) => void;
  readonly yieldToEventLoop: () => Promise<void>;
  readonly now: () => number;
  readonly wait: (ms: number) => Promise<void>;
}

export function serveProtocol<Out>(create: (host: WorkerHost<Out>) => (message: unknown) => void): void {
  const scope = self as unknown as WorkerScope;
  const handle = create({
    post: (message) => {
      scope.postMessage(message);
    },
    yieldToEventLoop: createMessageChannelYield(),
    now: () => performance.now(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  scope.onmessage = (event) => {
    handle(event.data);
  };
}

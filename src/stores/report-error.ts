// How every store tells the user that a storage operation failed: a refused edit by its own message, a full disk as a
// banner and a toast, a database upgraded by another tab as the "reload" banner, anything else as a toast.
import { classifyStorageError, TableEditError } from '../storage';
import { noticesStore } from './notices-store';

export function reportStorageError(error: unknown): void {
  const notices = noticesStore.getState();
  if (error instanceof TableEditError) {
    notices.toast('error', error.code, { ...error.params });
    return;
  }
  const kind = classifyStorageError(error);
  if (kind === 'quota') {
    notices.setStorageProblem('errors.storage.quota');
    notices.toast('error', 'errors.storage.quota');
  } else if (kind === 'versionChanged') {
    notices.setStaleDatabase(true);
  } else {
    notices.toast('error', 'errors.storage.unknown', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Runs `work` on the connected storage; a failure is reported to the user and gives undefined. */
export async function attemptWith<S, T>(
  storage: () => S,
  work: (connected: S) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await work(storage());
  } catch (error) {
    reportStorageError(error);
    return undefined;
  }
}

// How much the origin stores and may store, and asking the browser to keep our data (persistent storage).
export interface StorageEstimateInfo {
  readonly usage: number;
  readonly quota: number;
  readonly persisted: boolean;
}

export async function estimateStorage(): Promise<StorageEstimateInfo | undefined> {
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return undefined;
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted(),
  ]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

/** Asks the browser not to evict our data under storage pressure. Returns whether storage is now persistent. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return false;
  return navigator.storage.persist();
}

// Storage used / available and persistence, for Settings → Data.
import { estimateStorage, requestPersistentStorage, type StorageEstimateInfo } from '../storage';

export type { StorageEstimateInfo };

export const storageInfo = {
  estimate: estimateStorage,
  requestPersistence: requestPersistentStorage,
};

// Who uses the app on this device: one of the workspace's people, chosen in Settings and kept in this browser only
// (there are no accounts). "Current user" defaults of person fields fill in this person.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const STORAGE_KEY = 'liucun.currentPerson';

function readStored(): string | undefined {
  try {
    return globalThis.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // Storage blocked or absent (Node): nobody is chosen.
  }
}

export interface CurrentPersonState {
  readonly personId: string | undefined;
  readonly choose: (personId: string | undefined) => void;
}

export const currentPersonStore = createStore<CurrentPersonState>()((set) => ({
  personId: readStored(),
  choose: (personId) => {
    try {
      if (personId === undefined) globalThis.localStorage.removeItem(STORAGE_KEY);
      else globalThis.localStorage.setItem(STORAGE_KEY, personId);
    } catch {
      // Blocked storage: the choice holds for this session only.
    }
    set({ personId });
  },
}));

export function useCurrentPerson<T>(selector: (state: CurrentPersonState) => T): T {
  return useStore(currentPersonStore, selector);
}

// App-wide notices: toasts, a full disk, a stale tab (another tab upgraded the database), a new app version.
// Messages are stored as catalog keys + params; the UI translates them, so a language switch re-renders them.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface Notice {
  readonly id: number;
  readonly tone: 'success' | 'error' | 'info';
  /** Message catalog key. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface NoticesState {
  readonly toasts: readonly Notice[];
  /** Another tab upgraded the database: this tab must reload before it can save again. */
  readonly staleDatabase: boolean;
  /** The last storage failure that needs the user's attention (full disk…), as a catalog key. */
  readonly storageProblem: string | undefined;
  /** A new version of the app is installed and waits for a reload. */
  readonly updateAvailable: boolean;
}

export interface NoticesActions {
  readonly toast: (tone: Notice['tone'], key: string, params?: Notice['params']) => void;
  readonly dismiss: (id: number) => void;
  readonly setStaleDatabase: (stale: boolean) => void;
  readonly setStorageProblem: (key: string | undefined) => void;
  readonly setUpdateAvailable: (available: boolean) => void;
}

/** How long a toast stays, in milliseconds. Errors stay until dismissed. */
const TOAST_MS = 5000;

let nextId = 1;

export const noticesStore = createStore<NoticesState & NoticesActions>()((set, get) => ({
  toasts: [],
  staleDatabase: false,
  storageProblem: undefined,
  updateAvailable: false,
  toast(tone, key, params) {
    const id = nextId++;
    const notice: Notice = params === undefined ? { id, tone, key } : { id, tone, key, params };
    set({ toasts: [...get().toasts, notice].slice(-4) });
    if (tone !== 'error') setTimeout(() => get().dismiss(id), TOAST_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
  setStaleDatabase: (staleDatabase) => set({ staleDatabase }),
  setStorageProblem: (storageProblem) => set({ storageProblem }),
  setUpdateAvailable: (updateAvailable) => set({ updateAvailable }),
}));

export function useNotices<T>(selector: (state: NoticesState & NoticesActions) => T): T {
  return useStore(noticesStore, selector);
}

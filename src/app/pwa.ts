// Service worker registration. A new version is never forced: it waits until the user chooses "Reload".
import { registerSW } from 'virtual:pwa-register';
import { noticesStore } from '../stores/notices-store';

let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  applyUpdate = registerSW({
    onNeedRefresh: () => noticesStore.getState().setUpdateAvailable(true),
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
  });
}

/** Activates the waiting service worker and reloads into the new version. */
export function reloadIntoUpdate(): void {
  if (!applyUpdate) {
    window.location.reload();
    return;
  }
  // workbox-window only reloads by itself when the page was already controlled when it loaded; on a first visit
  // (claimed later) it would not, so reload as soon as the new worker takes control.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  void applyUpdate(true);
}

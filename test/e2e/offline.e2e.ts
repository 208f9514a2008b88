// Journey: after the first visit the app is installed (service worker); with the network cut, a reload shows the
// same app with the same data.
import { describe, expect, it } from 'vitest';
import {
  appNames,
  closeSession,
  createApp,
  createTable,
  useBrowser,
  openSession,
  startEmpty,
  waitForServiceWorker,
} from './browser';

const browser = useBrowser();

describe('offline', () => {
  it('reloads with the network cut and shows the same data', async () => {
    const session = await openSession(browser());
    const { context, page } = session;
    await startEmpty(page);
    await createApp(page, 'Offline app');
    await createTable(page, 'Visits');

    // The service worker precaches the app shell and takes control of the page.
    await waitForServiceWorker(page);

    await context.setOffline(true);
    // Prove the network is really gone for the page: a request the service worker does not serve fails.
    expect(
      await page.evaluate(() =>
        fetch('/not-cached-' + String(Date.now())).then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Visits', level: 1 }).isVisible()).toBe(true);
    expect(await appNames(page)).toEqual(['Offline app']);

    // Still writable offline.
    await createApp(page, 'Made offline');
    await page.reload();
    expect(await appNames(page)).toEqual(['Offline app', 'Made offline']);
    await context.setOffline(false);
    await closeSession(session);
  });
});

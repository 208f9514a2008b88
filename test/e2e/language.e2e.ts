// Journey: the UI follows the browser's language, can be switched to 简体中文 / 繁體中文, and remembers the choice.
import { describe, expect, it } from 'vitest';
import { closeSession, createApp, openSession, startEmpty, useBrowser } from './browser';

const browser = useBrowser();

describe('language', () => {
  it('translates the navigation when switched to 简体中文 and remembers it after a reload', async () => {
    const session = await openSession(browser(), 'en-US');
    const { page } = session;
    await startEmpty(page);
    await createApp(page, 'Care');
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining([
        'Apps',
        'Tables',
        'Forms',
        'Automations',
        'Reminders',
        'Dashboard',
        'Trash',
        'Settings',
      ]),
    );

    await nav.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await expect
      .poll(() => page.getByRole('navigation').getByRole('link').allTextContents())
      .toEqual(
        expect.arrayContaining(['应用', '数据表', '表单', '自动化', '提醒', '仪表盘', '回收站', '设置']),
      );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('数据表');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('数据表');

    await page
      .getByRole('navigation')
      .getByRole('combobox', { name: '语言' })
      .selectOption({ label: '繁體中文' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('資料表');
    await closeSession(session);
  });

  it('starts in the browser language: Traditional Chinese for zh-TW', async () => {
    const session = await openSession(browser(), 'zh-TW');
    const { page } = session;
    await expect.poll(() => page.getByRole('button', { name: /從空白開始/ }).isVisible()).toBe(true);
    await closeSession(session);
  });

  it('starts in the browser language: Simplified Chinese for zh-CN', async () => {
    const session = await openSession(browser(), 'zh-CN');
    const { page } = session;
    await expect.poll(() => page.getByRole('button', { name: /从空白开始/ }).isVisible()).toBe(true);
    await closeSession(session);
  });
});

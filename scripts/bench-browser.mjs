// Runs the browser benchmark (test/bench/browser/) in Debian's Chromium: starts Vite's dev server, opens the bench
// page, prints what it logs (a table, then one JSON line) and exits. Usage: npm run bench:browser [-- --rows=N]
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const rowsArgument = process.argv.find((arg) => arg.startsWith('--rows='));
const rows = rowsArgument ? Number(rowsArgument.slice('--rows='.length)) : 100_000;
const server = await createServer({ server: { port: 4190, strictPort: true }, logLevel: 'warn' });
await server.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const finished = new Promise((resolve) => {
    page.on('console', (message) => {
      const text = message.text();
      if (text === 'BENCH-DONE') resolve(undefined);
      else if (text.startsWith('BENCH-FAILED')) {
        failed = true;
        console.error(text);
        resolve(undefined);
      } else if (message.type() === 'log') console.log(text);
    });
    page.on('pageerror', (error) => {
      failed = true;
      console.error(`page error: ${error.message}`);
      resolve(undefined);
    });
  });
  await page.goto(`http://localhost:4190/test/bench/browser/index.html?rows=${rows}`);
  await finished;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);

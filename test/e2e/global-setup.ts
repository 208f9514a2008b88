// Serves the built app (dist/) with `vite preview` for the end-to-end tests, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const E2E_PORT = 4174;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not answer at ${url} within ${timeoutMs} ms`);
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${root}/dist/index.html`))
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests.');
  const baseUrl = `http://localhost:${E2E_PORT}`;
  server = spawn(
    process.execPath,
    [`${root}/node_modules/vite/bin/vite.js`, 'preview', '--port', String(E2E_PORT), '--strictPort'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForServer(baseUrl, 20_000);
  } catch (error) {
    server.kill();
    throw new Error(`${String(error)}\n${output}`, { cause: error });
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    server?.kill();
    await new Promise((resolve) => setTimeout(resolve, 100));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

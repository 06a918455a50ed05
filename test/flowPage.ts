// The call flow webview's own page and script (dist/media) served to headless Chromium, with a
// stand-in for VS Code's webview API that records what the page posts: for the bench's first paint
// and the theme test. Chromium is the one the end-to-end tests use.
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { callFlowPage } from '../client/src/callFlowPage';

export const CHROMIUM = '/usr/bin/chromium';

export interface FlowPages {
  /** A fresh page showing the empty flow view; what it posts collects in `window.sent`. */
  open(): Promise<Page>;
  close(): Promise<void>;
}

export async function serveFlowPages(root: string): Promise<FlowPages | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const media = join(root, 'dist', 'media');
  const server = createServer((request, response) => {
    const file = request.url === '/callFlow.js' ? 'callFlow.js' : request.url === '/callFlow.css' ? 'callFlow.css' : undefined;
    if (file) {
      response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css' });
      response.end(readFileSync(join(media, file)));
      return;
    }
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(callFlowPage({ nonce: 'test', source: origin, script: `${origin}/callFlow.js`, style: `${origin}/callFlow.css` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    async open() {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript({ content: 'window.sent = []; window.acquireVsCodeApi = () => ({ postMessage(m) { window.sent.push(m); }, getState() {}, setState() {} });' });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

// Drives a VS Code workbench served by code-server through Chromium (playwright-core), with the
// selectors that work in VS Code 1.100. Every wait is for a condition on the screen: no fixed sleeps,
// only short polls that re-check a condition until its deadline.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';

// The repository's tsconfig has no DOM lib; this is all the page functions below need of it.
declare function getComputedStyle(element: unknown): { color: string };

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through test/e2e/run.sh`);
  return value;
}

export const ENV = {
  url: required('SIP_E2E_URL'),
  workspace: required('SIP_E2E_WORKSPACE'),
  repo: required('SIP_E2E_REPO'),
  artifacts: required('SIP_E2E_ARTIFACTS'),
  /** The command-line linter shipped in the installed .vsix: the same library as its server. */
  cli: required('SIP_E2E_CLI'),
  chromium: process.env.SIP_E2E_CHROMIUM || '/usr/bin/chromium',
  updateImages: process.env.SIP_E2E_UPDATE_IMAGES === '1',
};

export const WORKBENCH_TIMEOUT = 60_000;
export const DIAGNOSTICS_TIMEOUT = 30_000;
const UI_TIMEOUT = 10_000;

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One line of `node dist/cli.js FILE`: what the language server should report for that file. */
export interface Expected {
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** The extension's own command-line linter (same library as its server) run on `file`. */
export function lint(file: string): Expected[] {
  const cli = spawnSync(process.execPath, [ENV.cli, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`dist/cli.js failed (${cli.status}): ${cli.stderr}`);
  const out: Expected[] = [];
  for (const line of cli.stdout.split('\n')) {
    const m = /^.*?:(\d+):(\d+) (error|warning|information|hint) (\S+) (.*)$/.exec(line);
    if (m) out.push({ line: Number(m[1]), column: Number(m[2]), severity: m[3] as Severity, code: m[4], message: m[5] });
  }
  return out;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** "Errors: 1, Warnings: 2, Infos: 4" (zeros left out) or "No Problems". */
export function parseProblemCounts(label: string): ProblemCounts {
  const n = (name: string): number => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: n('Errors'), warnings: n('Warnings'), infos: n('Infos') };
}

export function countsOf(expected: readonly Expected[]): ProblemCounts {
  return {
    errors: expected.filter((e) => e.severity === 'error').length,
    warnings: expected.filter((e) => e.severity === 'warning').length,
    infos: expected.filter((e) => e.severity === 'information').length,
  };
}

export interface ProblemRow {
  readonly file: string;
  readonly severity: string;
  readonly message: string;
  readonly source: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

const SEVERITY_OF_LABEL: Record<string, Severity> = { Error: 'error', Warning: 'warning', Info: 'information', Hint: 'hint' };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The editor renders spaces as U+00A0. */
export function plain(s: string | null): string {
  return (s ?? '').replace(/\u00a0/g, ' ');
}

export class Workbench {
  /** When Enter was last pressed on a Quick Open / Command Palette row (ms since the epoch). */
  lastOpenStart = 0;

  private constructor(readonly browser: Browser, readonly page: Page) {}

  static async launch(): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: ENV.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    const wb = new Workbench(browser, page);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') wb.console.push(`[${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => wb.console.push(`[pageerror] ${e.message}`));
    try {
      await wb.load();
    } catch (e) {
      await wb.screenshot('workbench-FAILED').catch(() => undefined);
      wb.saveConsole();
      await browser.close();
      throw e;
    }
    return wb;
  }

  /** Errors and warnings from the browser console, saved into the artifacts at the end. */
  readonly console: string[] = [];

  saveConsole(): void {
    mkdirSync(ENV.artifacts, { recursive: true });
    writeFileSync(join(ENV.artifacts, 'browser-console.log'), this.console.join('\n') + '\n');
  }

  /** Loads (or reloads) the workbench and waits until the Explorer lists the workspace. */
  async load(): Promise<number> {
    const start = Date.now();
    await this.page.goto(ENV.url, { timeout: WORKBENCH_TIMEOUT });
    await this.page.locator('#status\\.problems').waitFor({ timeout: WORKBENCH_TIMEOUT });
    // A reload keeps the layout: a scenario that hid the side bar leaves the Explorer closed.
    const explorer = this.page.locator('.explorer-folders-view .monaco-list-row').first();
    if (!(await explorer.isVisible())) await this.showSideBar();
    await explorer.waitFor({ timeout: WORKBENCH_TIMEOUT });
    return Date.now() - start;
  }

  async close(): Promise<void> {
    this.saveConsole();
    await this.browser.close();
  }

  /** Saves a screenshot into the artifacts; with SIP_E2E_UPDATE_IMAGES=1 also as docs/images/`docsName`. */
  async screenshot(name: string, docsName?: string): Promise<string> {
    mkdirSync(ENV.artifacts, { recursive: true });
    const file = join(ENV.artifacts, `${name}.png`);
    await this.page.screenshot({ path: file, timeout: 30_000, animations: 'disabled' });
    if (docsName && ENV.updateImages) {
      mkdirSync(join(ENV.repo, 'docs', 'images'), { recursive: true });
      copyFileSync(file, join(ENV.repo, 'docs', 'images', docsName));
    }
    return file;
  }

  // ---- quick input ------------------------------------------------------------------------

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  private async openQuickInput(keys: string, prefix: string): Promise<void> {
    await this.page.keyboard.press(keys);
    const input = this.quickInput().locator('input.input');
    await input.waitFor();
    await this.page.waitForFunction(
      ([sel, p]) => {
        const el = (globalThis as any).document.querySelector(sel);
        return !!el && el.value === p;
      },
      ['.quick-input-widget input.input', prefix] as const,
    );
  }

  /** Presses Enter on the row of the quick input whose label is exactly `label`. */
  private async pickRow(label: string | RegExp): Promise<void> {
    const matches = (text: string): boolean => (typeof label === 'string' ? text === label : label.test(text));
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      const rows = await this.quickInput().locator('.quick-input-list .monaco-list-row').evaluateAll((els) =>
        els.map((e) => ({
          index: Number(e.getAttribute('data-index')),
          focused: e.classList.contains('focused'),
          label: (e.querySelector('.label-name')?.textContent ?? '') as string,
          aria: (e.getAttribute('aria-label') ?? '') as string,
        })),
      );
      const target = rows.find((r) => matches(r.label) || matches(r.aria));
      const focused = rows.find((r) => r.focused);
      if (target && focused && target.index === focused.index) break;
      if (target && focused) {
        await this.page.keyboard.press(target.index > focused.index ? 'ArrowDown' : 'ArrowUp');
        continue;
      }
      if (Date.now() > deadline) throw new Error(`no quick input row ${label}; rows: ${rows.map((r) => r.label).join(' | ')}`);
      await this.page.waitForTimeout(50); // polling the list while it filters
    }
    this.lastOpenStart = Date.now();
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Runs a command by its title from the Command Palette. */
  async command(title: string): Promise<void> {
    await this.openQuickInput('Control+Shift+P', '>');
    await this.page.keyboard.type(title);
    await this.pickRow(title);
  }

  /** Opens a workspace file with Quick Open and waits until it is the active editor, in language `sip`. */
  async openFile(name: string): Promise<void> {
    await this.openQuickInput('Control+P', '');
    await this.page.keyboard.type(name);
    await this.pickRow(new RegExp(`^${escapeRegExp(name)}($|,)`));
    await this.activeTab(name).waitFor();
    await this.page.locator('#status\\.editor\\.mode', { hasText: 'SIP Trace' }).waitFor({ timeout: WORKBENCH_TIMEOUT });
  }

  activeTab(name: string): Locator {
    // The label grows once diagnostics arrive ("name, 3 problems in this file").
    return this.page.locator(`.tabs-container .tab.active[aria-label="${name}"], .tabs-container .tab.active[aria-label^="${name}, "]`);
  }

  /** Moves the cursor with Go to Line and waits until the status bar shows it. */
  async gotoLine(line: number, column = 1): Promise<void> {
    await this.openQuickInput('Control+G', ':');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
    await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Puts the cursor on `line` and scrolls (Scroll Line Down / Up) until it is `above` lines below the top. */
  async gotoLineNearTop(line: number, column = 1, above = 3): Promise<void> {
    await this.gotoLine(line, column);
    const editorBox = await this.editor().boundingBox();
    if (!editorBox) throw new Error('no editor');
    const lineBox = async (): Promise<{ y: number; height: number }> => {
      const box = await (await this.viewLine(line)).boundingBox();
      if (!box) throw new Error(`line ${line} not visible`);
      return box;
    };
    const first = await lineBox();
    const target = editorBox.y + Math.min(above, line - 1) * first.height;
    const deadline = Date.now() + UI_TIMEOUT;
    const seen: number[] = [];
    for (;;) {
      const { y, height } = await lineBox();
      seen.push(Math.round(y));
      if (Math.abs(y - target) < height / 2) return;
      if (Date.now() > deadline) throw new Error(`line ${line} at y=${seen.join(', ')}, not scrolled to y=${target}`);
      // Scroll Line Down / Up: one line per press, the cursor stays.
      const lines = Math.round((y - target) / height);
      for (let i = 0; i < Math.abs(lines); i++) await this.page.keyboard.press(lines > 0 ? 'Control+ArrowDown' : 'Control+ArrowUp');
      const rendered = Date.now() + 2_000;
      while (Date.now() < rendered && Math.abs((await lineBox()).y - y) < height / 2) {
        await this.page.waitForTimeout(20); // polling until the editor has rendered the scroll
      }
    }
  }

  /** Hides the primary side bar if it shows (more room for the editor and its hovers). */
  async hideSideBar(): Promise<void> {
    const sideBar = this.page.locator('#workbench\\.parts\\.sidebar');
    if (await sideBar.isVisible()) await this.command('View: Toggle Primary Side Bar Visibility');
    await sideBar.waitFor({ state: 'hidden' });
  }

  async showSideBar(): Promise<void> {
    const sideBar = this.page.locator('#workbench\\.parts\\.sidebar');
    if (!(await sideBar.isVisible())) await this.command('View: Toggle Primary Side Bar Visibility');
    await sideBar.waitFor();
  }

  /** Drags the side bar's edge so that it is `width` pixels wide (as a user would). */
  async resizeSideBar(width: number): Promise<void> {
    const sideBar = this.page.locator('#workbench\\.parts\\.sidebar');
    const box = await sideBar.boundingBox();
    if (!box) throw new Error('no side bar');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width - 1, y, { steps: 2 });
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await this.page.mouse.move(20, box.y + box.height - 60, { steps: 4 }); // the activity bar: no hovers
    await this.page.locator('.monaco-sash.hover, .monaco-sash.active').first().waitFor({ state: 'detached' });
    const deadline = Date.now() + UI_TIMEOUT;
    while (Math.abs(((await sideBar.boundingBox())?.width ?? 0) - width) > 8) {
      if (Date.now() > deadline) throw new Error(`side bar is ${(await sideBar.boundingBox())?.width} px wide, not ${width}`);
      await this.page.waitForTimeout(50); // polling the layout
    }
  }

  // ---- editor -----------------------------------------------------------------------------

  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * The rendered line `line` of the active editor (it must be in view): the `.view-line` level with
   * its line number. Matched by screen position, since `style.top` is offset differently in
   * different layers once a file has hundreds of thousands of lines.
   */
  async viewLine(line: number): Promise<Locator> {
    const editor = this.editor();
    const number = editor.locator('.margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^${line}$`) });
    const candidates = editor.locator('.view-lines .view-line');
    // The editor may re-render between two reads (a reveal that is still scrolling, decorations
    // arriving), replacing the line's elements: read again until both layers agree.
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await number.waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      const box = await number.boundingBox();
      const index = box
        ? await candidates.evaluateAll((els, y) => els.findIndex((e) => Math.abs(e.getBoundingClientRect().top - y) < 2), box.y)
        : -1;
      if (index >= 0) return candidates.nth(index);
      if (Date.now() > deadline) throw new Error(box ? `line ${line} is not rendered` : `line number ${line} not visible`);
      await this.page.waitForTimeout(50); // polling until the editor has rendered the line
    }
  }

  /** The token span with exactly `text` in rendered line `line`. */
  async token(line: number, text: string): Promise<Locator> {
    const viewLine = await this.viewLine(line);
    const spans = viewLine.locator(':scope > span > span');
    const texts = (await spans.allTextContents()).map(plain);
    const index = texts.indexOf(text);
    if (index < 0) throw new Error(`no token "${text}" on line ${line}: ${JSON.stringify(texts)}`);
    return spans.nth(index);
  }

  async colorOf(token: Locator): Promise<string> {
    return token.evaluate((e) => getComputedStyle(e).color);
  }

  /** The last item of the active editor's breadcrumbs (the symbol at the cursor). */
  breadcrumbSymbol(): Locator {
    return this.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').last();
  }

  /** The rendered text of line `line` (in view), read in one pass over the DOM (see squigglesOnLine). */
  async lineText(line: number): Promise<string> {
    await this.editor().locator('.margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^${line}$`) }).waitFor();
    const text = await this.editor().evaluate((editor, line) => {
      const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent?.trim() === String(line));
      const y = number?.getBoundingClientRect().top;
      const viewLine = y === undefined ? undefined : [...editor.querySelectorAll('.view-lines .view-line')].find((e) => Math.abs(e.getBoundingClientRect().top - y) < 2);
      return viewLine?.innerText;
    }, line);
    if (text === undefined) throw new Error(`line ${line} is not rendered`);
    return text;
  }

  /**
   * Squiggles of one kind rendered on line `line` (the line must be in view). Read in one pass over
   * the DOM: the editor re-renders its lines as decorations and inlay hints arrive, and a rendered
   * line found in one read may be gone by the next (scenario 7 failed in CI that way).
   */
  async squigglesOnLine(line: number, kind: 'error' | 'warning' | 'info' | 'hint' = 'info'): Promise<number> {
    return this.editor().evaluate(
      (editor, [line, kind]) => {
        const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent?.trim() === String(line));
        if (!number) return 0;
        const y = number.getBoundingClientRect().top;
        const viewLine = [...editor.querySelectorAll('.view-lines .view-line')].find((e) => Math.abs(e.getBoundingClientRect().top - y) < 2);
        if (!viewLine) return 0;
        const { top, bottom } = viewLine.getBoundingClientRect();
        return [...editor.querySelectorAll(`.lines-content .view-overlays .squiggly-${kind}`)].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.height > 0 && r.top >= top - 2 && r.bottom <= bottom + 2;
        }).length;
      },
      [line, kind] as const,
    );
  }

  /** Waits until line `line` (in view) shows a squiggle of `kind`; false when none shows in time. */
  async hasSquiggle(line: number, kind: 'error' | 'warning' | 'info' | 'hint' = 'info', timeout = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if ((await this.squigglesOnLine(line, kind)) > 0) return true;
      if (Date.now() > deadline) return false;
      await this.page.waitForTimeout(50); // polling the rendered decorations
    }
  }

  /** Moves the mouse onto `target` in a few steps (one jump does not trigger a hover). */
  async hover(target: Locator): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error('hover target not visible');
    await this.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  }

  /** The visible hover's markdown part (the provider's own content, not the problem part). */
  hoverMarkdown(): Locator {
    return this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .markdown-hover .rendered-markdown');
  }

  /** Hovers over `token` until a hover whose markdown contains `text` shows (retries the mouse moves). */
  async showHover(token: Locator, text: string): Promise<Locator> {
    const markdown = this.hoverMarkdown().filter({ hasText: text });
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.hover(token);
      try {
        await markdown.first().waitFor({ timeout: 8_000 });
        return markdown.first();
      } catch (e) {
        const shown = await this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').allInnerTexts().catch(() => []);
        lastError = new Error(`no hover containing "${text}" after moving onto the token` +
          (shown.length ? `; the hover shows: ${shown.join(' | ').slice(0, 500)}` : '; no hover shows'), { cause: e });
        await this.page.mouse.move(5, 450);
        await this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').waitFor({ state: 'hidden' }).catch(() => undefined);
      }
    }
    throw lastError;
  }

  /**
   * Makes hovers taller, as a user would: drags the bottom edge of the visible hover down by `dy`
   * pixels. VS Code remembers the size for later hovers (this one closes). Only for screenshots.
   */
  async enlargeHovers(dy: number): Promise<void> {
    const hover = this.page.locator('.monaco-editor .monaco-resizable-hover').first();
    const box = await hover.boundingBox();
    if (!box) throw new Error('no hover to resize');
    await this.page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 4 });
    const sash = hover.locator('.monaco-sash.orthogonal-edge-south:not(.disabled)');
    const s = await sash.boundingBox();
    if (!s) throw new Error('the hover cannot grow downwards');
    const viewport = this.page.viewportSize();
    const to = Math.min(s.y + s.height / 2 + dy, (viewport?.height ?? 900) - 40);
    await this.page.mouse.move(s.x + s.width / 2, s.y + s.height / 2, { steps: 4 });
    await this.page.mouse.down();
    await this.page.mouse.move(s.x + s.width / 2, to, { steps: 10 });
    await this.page.mouse.up();
    await this.page.mouse.move(5, 450);
    await this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  // ---- problems ---------------------------------------------------------------------------

  statusProblems(): Locator {
    return this.page.locator('#status\\.problems');
  }

  async problemCounts(): Promise<ProblemCounts> {
    const label = await this.statusProblems().locator('a').first().getAttribute('aria-label');
    return parseProblemCounts(label ?? '');
  }

  /** Waits until the status bar's problem counts satisfy `ok`; returns them. */
  async waitProblemCounts(ok: (c: ProblemCounts) => boolean, timeout = DIAGNOSTICS_TIMEOUT, pollMs = 100): Promise<ProblemCounts> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const counts = await this.problemCounts();
      if (ok(counts)) return counts;
      if (Date.now() > deadline) throw new Error(`status bar problem counts still ${JSON.stringify(counts)} after ${timeout} ms`);
      await this.page.waitForTimeout(pollMs); // polling the status bar
    }
  }

  /** Hides the bottom panel (Problems, Output, …) if it shows, to give the editor room. */
  async hidePanel(): Promise<void> {
    const panel = this.page.locator('#workbench\\.parts\\.panel');
    if (await panel.isVisible()) await this.command('View: Hide Panel');
    await panel.waitFor({ state: 'hidden' });
  }

  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }

  /** The Problems panel's rows (those rendered), grouped under their file rows. */
  async problemRows(): Promise<{ files: Record<string, number>; rows: ProblemRow[] }> {
    const raw = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      els
        .map((e) => ({
          index: Number(e.getAttribute('data-index')),
          level: e.getAttribute('aria-level') as string,
          aria: (e.getAttribute('aria-label') ?? '') as string,
          text: (e.innerText ?? '') as string,
        }))
        .sort((a, b) => a.index - b.index),
    );
    const files: Record<string, number> = {};
    const rows: ProblemRow[] = [];
    let file = '';
    for (const r of raw) {
      if (r.level === '1') {
        const m = /^(\d+) problems? in file (.+?) of folder/.exec(r.aria);
        file = m ? m[2] : r.aria;
        files[file] = m ? Number(m[1]) : NaN;
        continue;
      }
      const [message = '', source = '', code = '', position = ''] = r.text.split('\n');
      const pos = /\[Ln (\d+), Col (\d+)\]/.exec(position);
      rows.push({
        file,
        severity: SEVERITY_OF_LABEL[/^(\w+):/.exec(r.aria)?.[1] ?? ''] ?? r.aria,
        message,
        source,
        code,
        line: pos ? Number(pos[1]) : NaN,
        column: pos ? Number(pos[2]) : NaN,
      });
    }
    return { files, rows };
  }

  // ---- reset ------------------------------------------------------------------------------

  /** Closes widgets and all editors (discarding changes), so the next scenario starts clean. */
  async reset(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
    await this.page.mouse.move(5, 450);
    const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Don't Save$/ });
    await this.command('View: Close All Editors');
    await Promise.race([
      dontSave.waitFor({ timeout: 3_000 }).then(() => dontSave.click()),
      this.page.locator('.editor-group-container .tabs-container .tab').first().waitFor({ state: 'detached', timeout: 3_000 }),
    ]).catch(() => undefined);
    await this.page.locator('.editor-group-container .tabs-container .tab').first().waitFor({ state: 'detached' });
    await this.waitProblemCounts((c) => c.errors + c.warnings + c.infos === 0);
  }
}

export function writeJson(file: string, data: unknown): void {
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

// The call flow webview in light, dark and high contrast themes, in headless Chromium (skipped
// without it): every text and arrow it draws stands out from what lies behind it, the highlighted
// row included, and the view still answers a click and a highlight. The theme's colours are given as
// VS Code gives them to a webview: CSS variables on <html> and a class on <body>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { callFlowOf } from '../../server/src/sip/flow/traceFlow';
import { FIXTURES, ROOT } from '../helpers';
import { serveFlowPages } from '../flowPage';

/** The colours the view reads, from VS Code's Light Modern, Dark Modern, Dark High Contrast and Light High Contrast themes. */
const THEMES: Record<string, { body: string; colours: Record<string, string> }> = {
  light: {
    body: 'vscode-light',
    colours: {
      'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', descriptionForeground: '#3b3b3b', 'editor-selectionBackground': '#add6ff', 'list-hoverBackground': '#f2f2f2',
      'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#e5e5e5', 'editorIndentGuide-background': '#d3d3d3',
      'charts-blue': '#1a85ff', 'charts-green': '#388a34', 'charts-purple': '#652d90', 'charts-yellow': '#bf8803', 'terminal-ansiCyan': '#0598bc', 'terminal-ansiMagenta': '#bc05bc', 'terminal-ansiBrightBlue': '#0451a5', 'terminal-ansiGreen': '#107c10',
      'editorError-foreground': '#e51400', 'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff',
    },
  },
  dark: {
    body: 'vscode-dark',
    colours: {
      'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', descriptionForeground: '#9d9d9d', 'editor-selectionBackground': '#264f78', 'list-hoverBackground': '#2a2d2e',
      'editorWidget-background': '#202020', 'editorWidget-border': '#313131', 'editorIndentGuide-background': '#404040',
      'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-purple': '#b180d7', 'charts-yellow': '#cca700', 'terminal-ansiCyan': '#11a8cd', 'terminal-ansiMagenta': '#bc3fbc', 'terminal-ansiBrightBlue': '#3b8eea', 'terminal-ansiGreen': '#0dbc79',
      'editorError-foreground': '#f14c4c', 'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff',
    },
  },
  'high contrast': {
    body: 'vscode-high-contrast',
    colours: {
      'editor-background': '#000000', 'editor-foreground': '#ffffff', descriptionForeground: '#ffffff', 'editor-selectionBackground': '#ffffff', contrastBorder: '#6fc3df', contrastActiveBorder: '#f38518',
      'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df', 'editorIndentGuide-background': '#ffffff',
      'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-purple': '#b180d7', 'charts-yellow': '#ffd370', 'terminal-ansiCyan': '#00cdcd', 'terminal-ansiMagenta': '#cd00cd', 'terminal-ansiBrightBlue': '#5c5cff', 'terminal-ansiGreen': '#00cd00',
      'editorError-foreground': '#ff3232', 'editorWarning-foreground': '#ffd370', 'editorInfo-foreground': '#3794ff',
    },
  },
  'high contrast light': {
    body: 'vscode-high-contrast-light',
    colours: {
      'editor-background': '#ffffff', 'editor-foreground': '#292929', descriptionForeground: '#292929', 'editor-selectionBackground': '#0f4a85', contrastBorder: '#0f4a85', contrastActiveBorder: '#006bbd',
      'editorWidget-background': '#ffffff', 'editorWidget-border': '#0f4a85', 'editorIndentGuide-background': '#292929',
      'charts-blue': '#0f4a85', 'charts-green': '#374e06', 'charts-purple': '#652d90', 'charts-yellow': '#895503', 'terminal-ansiCyan': '#0598bc', 'terminal-ansiMagenta': '#bc05bc', 'terminal-ansiBrightBlue': '#0451a5', 'terminal-ansiGreen': '#107c10',
      'editorError-foreground': '#b5200d', 'editorWarning-foreground': '#895503', 'editorInfo-foreground': '#0f4a85',
    },
  },
};

/** WCAG's minimum for graphics and large text: what keeps a mark from vanishing into its background. */
const MIN_CONTRAST = 3;

// In the page (as text: this project compiles without the DOM's types): each text and arrow shaft drawn, its colour, and what lies behind it.
const MEASURE = `(() => {
  const rgb = (c) => { const m = /rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)/.exec(c); return m && (m[4] === undefined || Number(m[4]) > 0) ? [+m[1], +m[2], +m[3]] : undefined; };
  const page = rgb(getComputedStyle(document.body).backgroundColor);
  const behind = (el) => {
    const g = el.closest('g.msg');
    const hit = g && rgb(getComputedStyle(g.querySelector('.hit')).fill);
    return hit ?? page;
  };
  const marks = [];
  for (const el of document.querySelectorAll('#rows text')) marks.push({ what: 'text ' + el.textContent, fg: rgb(getComputedStyle(el).fill), bg: behind(el) });
  for (const el of document.querySelectorAll('#rows .shaft')) marks.push({ what: 'arrow of ' + el.closest('g').getAttribute('class'), fg: rgb(getComputedStyle(el).stroke), bg: page });
  for (const el of document.querySelectorAll('.participant')) marks.push({ what: 'column ' + el.textContent, fg: rgb(getComputedStyle(el).color), bg: rgb(getComputedStyle(el).backgroundColor) ?? page });
  const hit = getComputedStyle(document.querySelector('g.msg.highlight .hit'));
  return { marks, highlight: { fill: rgb(hit.fill), stroke: rgb(hit.stroke) } };
})()`;

function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('the call flow view reads in light, dark and high contrast themes, and answers clicks and highlights', async (t) => {
  const pages = await serveFlowPages(ROOT);
  if (!pages) return t.skip('no Chromium');
  const flow = callFlowOf(parseTrace(readFileSync(join(FIXTURES, 'behaviour', 'retry-too-early_messages.log'), 'utf8')));
  try {
    for (const [name, theme] of Object.entries(THEMES)) {
      const page = await pages.open();
      const variables = Object.fromEntries(Object.entries(theme.colours).map(([k, v]) => [`--vscode-${k}`, v]));
      await page.evaluate(`(() => {
        for (const [k, v] of Object.entries(${JSON.stringify(variables)})) document.documentElement.style.setProperty(k, v);
        document.body.classList.add(${JSON.stringify(theme.body)});
        window.postMessage(${JSON.stringify({ type: 'flow', flow, legs: false })}, '*');
        window.postMessage({ type: 'highlight', arrow: 1 }, '*');
      })()`);
      await page.locator('#rows g.msg.highlight').waitFor();
      assert.equal(await page.locator('#rows g.msg').count(), flow.arrows.count, `${name}: every message drawn`);
      const { marks, highlight } = (await page.evaluate(MEASURE)) as { marks: Array<{ what: string; fg?: number[]; bg?: number[] }>; highlight: { fill?: number[]; stroke?: number[] } };
      assert.ok(marks.length > 3 * flow.arrows.count, `${name}: texts, arrows and columns measured`);
      for (const m of marks) {
        assert.ok(m.fg && m.bg, `${name}: ${m.what} has a colour (${JSON.stringify(m)})`);
        assert.ok(contrast(m.fg, m.bg) >= MIN_CONTRAST, `${name}: ${m.what}: contrast ${contrast(m.fg, m.bg).toFixed(2)} (${m.fg} on ${m.bg})`);
      }
      assert.ok(highlight.fill || highlight.stroke, `${name}: the highlighted row is marked`);
      // A click on a row asks the extension to reveal its message.
      await page.locator('#rows g.msg[data-arrow="3"] .hit').click();
      assert.deepEqual(await page.evaluate('window.sent.filter((m) => m.type === "reveal")'), [{ type: 'reveal', arrow: 3 }], name);
      await page.close();
    }
  } finally {
    await pages.close();
  }
});

// g. SIP: Show Call Flow on a 10 MB trace, from the command to the first painted rows: the server
// builds the flow (the document is already open and checked) and serialises it; the webview's own
// page and script (dist/media) parse it and draw the rows in sight, in headless Chromium (the
// browser the end-to-end tests use; skipped when it is not installed).
import { performance } from 'node:perf_hooks';
import { parseTrace } from '../../server/src/sip/parser';
import { buildCallModel } from '../../server/src/sip/calls/callModel';
import { diagnose } from '../../server/src/sip/diagnose';
import { LineIndex } from '../../server/src/sip/lineIndex';
import { buildCallFlow } from '../../server/src/sip/flow/callFlow';
import { CHROMIUM, serveFlowPages } from '../flowPage';

type Row = [string, string, string, string];

const RUNS = 5;

export async function measureFlowPaint(root: string, text: string): Promise<Row[]> {
  console.log(`\ng. SIP: Show Call Flow on the ${(text.length / 1048576).toFixed(1)} MB trace: command to first paint (${RUNS} runs)`);
  const pages = await serveFlowPages(root);
  if (!pages) {
    console.log(`   skipped: ${CHROMIUM} is not installed (apt-get install chromium, as npm run e2e does)`);
    return [];
  }
  const trace = parseTrace(text);
  const lines = new LineIndex(text);
  const calls = buildCallModel(trace);
  const { findings } = diagnose(trace, { maxFindings: Infinity });
  try {
    const totals: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await pages.open();
      const t0 = performance.now();
      const flow = buildCallFlow(trace, calls, findings, { lineOf: (offset) => lines.position(offset).line + 1 });
      const json = JSON.stringify({ type: 'flow', flow, legs: false });
      const serverMs = performance.now() - t0;
      // In the page (kept as text: this project compiles without the DOM's types): post, wait for rows, then for the frame that shows them.
      const pageMs = (await page.evaluate(`(async (message) => {
        const start = performance.now();
        window.postMessage(JSON.parse(message), '*');
        while (!document.querySelector('#rows g')) await new Promise((r) => setTimeout(r, 1));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - start;
      })(${JSON.stringify(json)})`)) as number;
      const drawn = await page.locator('#rows g').count();
      totals.push(serverMs + pageMs);
      console.log(`   run ${run + 1}: server ${serverMs.toFixed(0)} ms (flow of ${flow.arrows.count} messages, ${(json.length / 1048576).toFixed(1)} MB of JSON), webview ${pageMs.toFixed(0)} ms to paint ${drawn} rows`);
      await page.close();
    }
    const median = [...totals].sort((a, b) => a - b)[totals.length >> 1];
    console.log(`   command to first paint: median ${median.toFixed(0)} ms (target < 1 s)  ${median < 1000 ? 'target met' : 'target missed'}`);
    return [['Call flow, command → first paint', `${median.toFixed(0)} ms`, '< 1 s', median < 1000 ? 'target met' : 'target missed']];
  } finally {
    await pages.close();
  }
}

// The extension decodes captures in dist/captureWorker.js: progress, the decoded text, cancelling
// through the shared flag, and failures as replies rather than crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DecodeReply, DecodeRequest } from '../../client/src/captureWorker';
import { decodeCapture } from '../../server/src/sip/capture/decode';
import { captureOf } from '../bench/makeCapture';
import { generateTrace } from '../bench/generateTrace';
import { ROOT } from '../helpers';

function run(request: Omit<DecodeRequest, 'cancel'>, cancelled = false): Promise<DecodeReply[]> {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  if (cancelled) Atomics.store(cancel, 0, 1);
  const worker = new Worker(join(ROOT, 'dist', 'captureWorker.js'), { workerData: { ...request, cancel } });
  const replies: DecodeReply[] = [];
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: DecodeReply) => replies.push(reply));
    worker.on('error', reject);
    worker.on('exit', () => resolve(replies));
  });
}

const bytes = captureOf(generateTrace(2 * 1024 * 1024).messages);

test('a capture read from its path: progress, then the text and summary decodeCapture gives', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sip-worker-')), 'calls.pcap');
  writeFileSync(file, bytes);
  const replies = await run({ path: file });
  const done = replies.at(-1);
  assert.equal(done?.kind, 'done');
  const expected = decodeCapture(bytes);
  assert.equal(done.text, expected.text);
  assert.deepEqual(done.summary, expected.summary);
  const fractions = replies.flatMap((r) => (r.kind === 'progress' ? [r.fraction] : []));
  assert.ok(fractions.length > 2 && fractions.every((f, i) => f > (fractions[i - 1] ?? 0)), JSON.stringify(fractions));
});

test('the shared flag cancels; bytes that are no capture fail with the reason', async () => {
  assert.deepEqual((await run({ bytes }, true)).at(-1), { kind: 'failed', cancelled: true, message: 'Decoding the capture was cancelled.' });
  const failed = (await run({ bytes: new TextEncoder().encode('INVITE sip:bob@example.com SIP/2.0\r\n') })).at(-1);
  assert.equal(failed?.kind, 'failed');
  assert.equal(failed.cancelled, false);
  assert.match(failed.message, /^Not a pcap or pcapng file/);
});

// Decodes a capture off the extension host's thread, so that the progress notification moves and
// its Cancel button is heard while a 100 MB file is read.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CaptureError, CaptureSummary, decodeCapture } from '../../server/src/sip/capture/decode';

export interface DecodeRequest {
  /** A local file, read here so that the extension host never holds its bytes … */
  readonly path?: string;
  /** … or the bytes of a file elsewhere (remote, virtual), transferred rather than copied. */
  readonly bytes?: Uint8Array;
  /** Shared with the extension host, which sets it to 1 to cancel. */
  readonly cancel: Int32Array;
}

export type DecodeReply =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'done'; readonly text: string; readonly summary: CaptureSummary }
  | { readonly kind: 'failed'; readonly cancelled: boolean; readonly message: string };

/** Progress steps finer than this only cost messages. */
const STEP = 0.01;

const { path, bytes, cancel } = workerData as DecodeRequest;
const post = (reply: DecodeReply) => parentPort!.postMessage(reply);
let reported = 0;
try {
  const { text, summary } = decodeCapture(path !== undefined ? readFileSync(path) : bytes!, {
    signal: {
      get aborted() {
        return Atomics.load(cancel, 0) !== 0;
      },
    },
    onProgress(fraction) {
      if (fraction - reported < STEP) return;
      reported = fraction;
      post({ kind: 'progress', fraction });
    },
  });
  post({ kind: 'done', text, summary });
} catch (error) {
  // Anything else (an unreadable file, a bug) reaches the extension host as the worker's error event.
  if (!(error instanceof CaptureError)) throw error;
  post({ kind: 'failed', cancelled: error.code === 'cancelled', message: error.message });
}

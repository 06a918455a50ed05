// Opening a big trace leaves garbage several times the file's size (the text as it came over the
// wire, the parse's growing tables, the Outline's answer). V8 gives that memory back only once its
// memory reducer runs, 8 s or more after the server goes quiet; until then the editor's process list
// shows the server at three times what it keeps. One full collection, once the server is quiet after
// such an open, gives it back at once (VS Code's C/C++ extension collects the same way).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  /** `quietMs`: how long nothing may arrive before collecting, so that a burst of requests or typing is never held up. */
  constructor(
    private readonly collect: () => void,
    private readonly quietMs: number,
  ) {}

  /** Work that left much garbage is done: collect once the server has been quiet for a while. */
  request(): void {
    this.arm();
  }

  /** A request or an edit arrived: a collection asked for waits for quiet again. */
  activity(): void {
    if (this.timer) this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect();
    }, this.quietMs);
    // A pending collection never keeps the server alive.
    this.timer.unref();
  }
}

/**
 * V8's full collection, made callable at run time as `--expose-gc` would; undefined where the flag
 * is refused. Twice by default: the first collection's sweeping runs alongside, and the pages it
 * frees go back to the system only with the next (measured on a 10 MB trace: +64 MB after one, +48 MB
 * after two, which is what the documents keep; about 20 ms each). Once where only a later peak
 * matters.
 */
export function fullCollection(passes = 2): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc !== 'function') return undefined;
    return () => {
      for (let i = 0; i < passes; i++) gc();
    };
  } catch {
    return undefined;
  }
}

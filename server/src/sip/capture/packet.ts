// What the file readers hand to the decoder: one record per packet, its bytes a view into the file.

export interface CapturedPacket {
  /** 1-based, counting every packet record of the file as Wireshark numbers frames. */
  readonly frame: number;
  readonly linkType: number;
  /** The bytes captured (a view into the file, never a copy). */
  readonly data: Uint8Array;
  /** The packet's length on the wire: more than `data.length` when the snap length cut it. */
  readonly originalLength: number;
  readonly time?: Timestamp;
  /** Where the record starts in the file, for progress and problems. */
  readonly fileOffset: number;
}

export interface Timestamp {
  /** Seconds since the epoch (UTC). */
  readonly seconds: number;
  readonly nanos: number;
  /** Fraction digits the capture really has (6 for microseconds, 9 for nanoseconds). */
  readonly digits: number;
}

export interface CaptureProblem {
  /** The frame it is about, when there is one. */
  readonly frame?: number;
  /** Where in the decoded text it belongs: the framing line of the first message at or after the frame. */
  offset?: number;
  readonly message: string;
}

/** Collects problems up to a bound, so a file of garbage cannot grow the list without end. */
export class Problems {
  readonly list: CaptureProblem[] = [];
  private dropped = 0;
  constructor(private readonly limit = 1000) {}

  add(message: string, frame?: number): void {
    if (this.list.length < this.limit) this.list.push({ frame, message });
    else this.dropped++;
  }

  finish(): CaptureProblem[] {
    if (this.dropped > 0) this.list.push({ message: `${this.dropped} more problems were not listed.` });
    return this.list;
  }
}

/** Thrown when the bytes cannot be read as a capture at all, or when decoding was cancelled. */
export class CaptureError extends Error {
  constructor(readonly code: 'not-a-capture' | 'gzip' | 'cancelled', message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

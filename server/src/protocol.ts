// The custom messages between the extension and the server, declared once for both sides (as
// vscode-eslint's shared customMessages). It imports nothing, so the client bundle takes no server code.

/** Notification the server sends after each validation: how the file was read, for the status bar. */
export const TRACE_INFO = 'sipTrace/traceInfo';

export interface TraceInfo {
  readonly uri: string;
  readonly version: number;
  /** e.g. 'SIPp message log', or 'plain SIP messages'. */
  readonly format: string;
  readonly messages: number;
  /** False while a big trace is still being checked: the diagnostics so far cover its first part. */
  readonly complete: boolean;
}

/** Request: does this text (the start of a file in another language) look like a SIP log? */
export const DETECT_FORMAT = 'sipTrace/detectFormat';

export interface DetectParams {
  /** The first DETECT_SAMPLE characters of the file, or fewer. */
  readonly sample: string;
}

export interface DetectResult {
  /** The log format's name, when the text is in one and holds SIP messages. */
  readonly format?: string;
  readonly messages: number;
}

/** The start of a file is enough to recognise a log format; more would only cost time. */
export const DETECT_SAMPLE = 64 * 1024;

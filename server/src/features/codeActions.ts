import { ParsedDocument } from '../documents';
import { CodeAction, CodeActionContext, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { findingsAt, fixFor } from '../sip/fixes';
import { Settings } from '../settings';
import { offsetOf, rangeOf } from './positions';
import { CAPTURE_SCHEME } from '../sip/capture/files';
import { SOURCE } from './diagnostics';

/** Quick fixes for our diagnostics in the request, chosen by code, recomputed on the current text. */
export function computeCodeActions(document: ParsedDocument, context: CodeActionContext, settings: Settings): CodeAction[] {
  // A decoded capture is read-only: an edit could not be saved back into the packets.
  if (document.uri.startsWith(`${CAPTURE_SCHEME}:`)) return [];
  const only = context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const offset = offsetOf(document, diagnostic.range.start);
    for (const finding of findingsAt(document.trace, diagnostic.code, offset)) {
      const fix = fixFor(document.trace, finding, settings.quickFix);
      if (fix) actions.push(toAction(document, fix.title, fix.edits, diagnostic));
    }
  }
  return actions;
}

function toAction(document: ParsedDocument, title: string, edits: readonly { offset: number; length: number; newText: string }[], diagnostic: Diagnostic): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: {
      changes: {
        [document.uri]: edits.map((e) => ({ range: rangeOf(document, e.offset, e.length), newText: e.newText })),
      },
    },
  };
}

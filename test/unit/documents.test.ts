// The open documents' cache makes each next version of a document itself (server.ts hands it every
// change): its text must be the editor's. The editor's positions are read here with a TextDocument
// made afresh from the current text (TextDocument.update keeps line offsets of its own that go wrong
// when an edit joins a CR and an LF into one line break).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TraceCache } from '../../server/src/documents';

/** The text after `change` as the editor means it: a range's ends in either order, characters past a line's end clamped. */
function applied(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const document = TextDocument.create('file:///x.sip', 'sip', 0, text);
  const [from, to] = [document.offsetAt(change.range.start), document.offsetAt(change.range.end)].sort((a, b) => a - b);
  return text.slice(0, from) + change.text + text.slice(to);
}

test('changes applied by the cache give the editor\'s text, ranges written either way round, and the same version', () => {
  const piece = fc.constantFrom('a', 'bc', '\r\n', '\n', '\r', ' ', 'é', '\uD83D\uDE00');
  const position = fc.record({ line: fc.nat({ max: 12 }), character: fc.nat({ max: 8 }) });
  const change = fc.oneof(
    { weight: 5, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')) }) },
    { weight: 1, arbitrary: fc.record({ text: fc.array(piece, { maxLength: 20 }).map((p) => p.join('')) }) },
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (pieces, notifications) => {
      const cache = new TraceCache();
      let expected = pieces.join('');
      let actual = TextDocument.create('file:///x.sip', 'sip', 1, expected);
      let version = 1;
      for (const changes of notifications) {
        version++;
        // The cache sees versions parsed between notifications, as the server's diagnostics do.
        cache.get(actual);
        for (const c of changes) {
          // Editors send lines that exist.
          const lines = TextDocument.create('file:///x.sip', 'sip', 0, expected).lineCount;
          const sent = 'range' in c ? { ...c, range: { start: { ...c.range.start, line: c.range.start.line % lines }, end: { ...c.range.end, line: c.range.end.line % lines } } } : c;
          expected = applied(expected, sent);
          actual = cache.applyChange(actual, sent, version);
          assert.equal(actual.getText(), expected);
        }
        assert.equal(actual.version, version);
      }
      assert.equal(cache.get(actual).trace.text, expected);
    }),
    { numRuns: 500 },
  );
});

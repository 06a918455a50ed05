// Our line index must agree with LSP's TextDocument, which VS Code's positions follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/sip/lineIndex';

test('positions and offsets match TextDocument for CRLF, LF and lone CR', () => {
  const piece = fc.constantFrom('a', 'bc', '\r\n', '\n', '\r', ' ', 'é', '\uD83D\uDE00');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: -2, max: 200 }), { maxLength: 10 }), (pieces, probes) => {
      const text = pieces.join('');
      const doc = TextDocument.create('file:///x.sip', 'sip', 1, text);
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, doc.lineCount);
      for (const offset of probes) {
        assert.deepEqual(lines.position(offset), doc.positionAt(offset));
        const p = doc.positionAt(offset);
        for (const character of [p.character, p.character + 3, 0]) {
          assert.equal(lines.offset(p.line, character), doc.offsetAt({ line: p.line, character }));
        }
      }
    }),
    { numRuns: 500 },
  );
});

// Our line index must agree with LSP's TextDocument, which VS Code's positions follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/sip/lineIndex';

type Edit = [{ at: number; removed: number; insert: string }, number];

/** Applies the edits to the text and to an index kept from one to the next, each read up to `readTo` (-1: not at all) first. */
function editedIndex(initial: string, edits: readonly Edit[]): { text: string; lines: LineIndex } {
  let text = initial;
  let lines = new LineIndex(text);
  for (const [c, readTo] of edits) {
    // Read part of the index (or none of it) before the edit, as the diagnostics of a version do.
    if (readTo >= 0) lines.position(readTo);
    const offset = Math.min(c.at, text.length);
    const removed = Math.min(c.removed, text.length - offset);
    text = text.slice(0, offset) + c.insert + text.slice(offset + removed);
    lines = lines.edited(text, { offset, removed, inserted: c.insert.length });
  }
  return { text, lines };
}

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

test('after edits, the index built from the previous one matches TextDocument, however far it was read', () => {
  const piece = fc.constantFrom('a', 'bc', '\r\n', '\n', '\r', ' ', 'é');
  const change = fc.record({ at: fc.nat({ max: 80 }), removed: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 5 }).map((p) => p.join('')) });
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.tuple(change, fc.integer({ min: -1, max: 90 })), { minLength: 1, maxLength: 5 }), fc.array(fc.nat({ max: 90 }), { maxLength: 6 }), (pieces, edits, probes) => {
      const { text, lines } = editedIndex(pieces.join(''), edits);
      const doc = TextDocument.create('file:///x.sip', 'sip', 1, text);
      for (const offset of probes) assert.deepEqual(lines.position(offset), doc.positionAt(offset));
      assert.equal(lines.lineCount, doc.lineCount);
      for (let line = 0; line < doc.lineCount; line++) assert.equal(lines.offset(line, 0), doc.offsetAt({ line, character: 0 }));
    }),
    { numRuns: 1000 },
  );
});

test('on traces of hundreds of lines (the index keeps a mark every few dozen), edits far into it match TextDocument', () => {
  const piece = fc.constantFrom('a', 'bc', '\r\n', '\r\n', '\n', '\n', '\r', 'é');
  const change = fc.record({ at: fc.nat({ max: 1000 }), removed: fc.nat({ max: 120 }), insert: fc.array(piece, { maxLength: 80 }).map((p) => p.join('')) });
  fc.assert(
    fc.property(fc.array(piece, { minLength: 200, maxLength: 900 }), fc.array(fc.tuple(change, fc.integer({ min: -1, max: 1200 })), { minLength: 1, maxLength: 4 }), (pieces, edits) => {
      const { text, lines } = editedIndex(pieces.join(''), edits);
      const doc = TextDocument.create('file:///x.sip', 'sip', 1, text);
      for (let offset = text.length + 1; offset >= 0; offset -= 7) assert.deepEqual(lines.position(offset), doc.positionAt(offset));
      assert.equal(lines.lineCount, doc.lineCount);
      for (let line = 0; line <= doc.lineCount; line++) {
        for (const character of [0, 1, 5]) assert.equal(lines.offset(line, character), doc.offsetAt({ line, character }), `line ${line} character ${character}`);
      }
    }),
    { numRuns: 300 },
  );
});

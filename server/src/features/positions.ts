// Offsets inside, positions at the edge: the only place offsets become LSP ranges and back.
import { Position, Range } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';

export function rangeOf(document: ParsedDocument, offset: number, length: number): Range {
  return { start: document.lines.position(offset), end: document.lines.position(offset + length) };
}

export function offsetOf(document: ParsedDocument, position: Position): number {
  return document.lines.offset(position.line, position.character);
}

/**
 * Tests for the TextMate grammar (syntaxes/sip.tmLanguage.json), tokenized with the
 * same engine VS Code uses (vscode-textmate + vscode-oniguruma).
 *
 * The compiled file may live in out/test/unit/ or in some other outDir entirely, so the
 * repository root is located by walking up to the package.json named "sip-trace-inspector",
 * and the two libraries are loaded relative to that root rather than to this file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type * as TextMate from 'vscode-textmate';
import type * as Oniguruma from 'vscode-oniguruma';

const PACKAGE_NAME = 'sip-trace-inspector';

function findRepoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      const pkgPath = path.join(dir, 'package.json');
      if (fs.existsSync(pkgPath)) {
        try {
          const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { name?: unknown };
          if (pkg.name === PACKAGE_NAME) return dir;
        } catch {
          // Unreadable package.json: keep walking up.
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find the ${PACKAGE_NAME} repository root from ${__dirname} or ${process.cwd()}`);
}

const ROOT = findRepoRoot();
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const vsctm = requireFromRoot('vscode-textmate') as typeof TextMate;
const oniguruma = requireFromRoot('vscode-oniguruma') as typeof Oniguruma;
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'sip.tmLanguage.json');

let grammarPromise: Promise<TextMate.IGrammar> | undefined;

function loadGrammar(): Promise<TextMate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.sip'
          ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
          : null,
    });
    const grammar = await registry.loadGrammar('source.sip');
    assert.ok(grammar, 'grammar source.sip did not load');
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

interface Line {
  text: string;
  tokens: Token[];
}

/** Tokenizes a document line by line, carrying the rule stack like the editor does. */
async function tokenizeDocument(text: string, lineSplitter: RegExp = /\r\n|\r|\n/): Promise<Line[]> {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  const lines: Line[] = [];
  for (const lineText of text.split(lineSplitter)) {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    lines.push({
      text: lineText,
      tokens: result.tokens.map((t) => ({
        text: lineText.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        end: t.endIndex,
        scopes: t.scopes,
      })),
    });
  }
  return lines;
}

/** The nth (0-based) line whose text starts with `prefix`. */
function lineStartingWith(lines: Line[], prefix: string, nth = 0): Line {
  const matching = lines.filter((l) => l.text.startsWith(prefix));
  assert.ok(matching.length > nth, `no line #${nth} starting with ${JSON.stringify(prefix)}`);
  return matching[nth]!;
}

/**
 * Scopes of `fragment` (its first occurrence in the line, after `from`). The fragment must be
 * exactly one token, so this also checks the token boundaries.
 */
function scopesOf(line: Line, fragment: string, from = 0): string[] {
  const start = line.text.indexOf(fragment, from);
  assert.ok(start >= 0, `${JSON.stringify(fragment)} not in ${JSON.stringify(line.text)}`);
  const token = line.tokens.find((t) => t.start <= start && start < t.end);
  assert.ok(token, `no token at ${start} in ${JSON.stringify(line.text)}`);
  assert.equal(
    token.text,
    fragment,
    `expected ${JSON.stringify(fragment)} to be one token in ${JSON.stringify(line.text)}; tokens: ` +
      JSON.stringify(line.tokens.map((t) => t.text)),
  );
  return token.scopes;
}

function assertScope(line: Line, fragment: string, scope: string, from = 0): void {
  const scopes = scopesOf(line, fragment, from);
  assert.ok(
    scopes.includes(scope),
    `${JSON.stringify(fragment)} in ${JSON.stringify(line.text)} should have ${scope}; got ${scopes.join(' ')}`,
  );
}

function assertNoScopeLike(line: Line, pattern: RegExp): void {
  for (const token of line.tokens) {
    const bad = token.scopes.filter((s) => pattern.test(s));
    assert.deepEqual(bad, [], `${JSON.stringify(token.text)} in ${JSON.stringify(line.text)} has ${bad.join(' ')}`);
  }
}

const HEADER_LIKE = /^(meta\.header|support\.type\.property-name|entity\.name\.tag)/;

const TRACE_LINES = [
  '2024-05-01 12:00:00.000123 UDP 192.0.2.10:5060 -> 198.51.100.20:5060 (611 bytes)',
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;rport',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.example.com>',
  'From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Contact: <sip:alice@pc33.atlanta.example.com;transport=udp>',
  'Subject: Lunch plans,',
  ' folded onto a second line',
  'Content-Type: application/sdp',
  'Content-Length: 142',
  '',
  'v=0',
  'o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com',
  's=-',
  'c=IN IP4 192.0.2.101',
  't=0 0',
  'm=audio 49172 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
  '',
  '2024-05-01 12:00:00.010456 UDP 198.51.100.20:5060 -> 192.0.2.10:5060 (402 bytes)',
  'SIP/2.0 180 Ringing',
  'v: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'f: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774',
  't: <sip:bob@biloxi.example.com>;tag=a6c85cf',
  'i: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'l: 0',
  '',
  'INFO: relaying the redirect to the caller',
  'SIP/2.0 302 Moved Temporarily',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774',
  'To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Contact: <sip:bob@192.0.2.4:5060>;expires=60',
  'Content-Length: 0',
  '',
  'SIP/2.0 503 Service Unavailable',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8',
  'From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774',
  'To: <sip:bob@192.0.2.4>;tag=b7d96dg',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314160 INVITE',
  'Content-Length: 0',
  '',
  'SIP/2.0 404 Not Found',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds9',
  'call-id : c3x842276298220188511@pc33.atlanta.example.com',
  'CSeq: 1 REGISTER',
  'Content-Length: 0',
  '',
  'SIP/2.0 603 Decline',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds10',
  'CSeq: 314161 INVITE',
  'Content-Length: 0',
  '',
];

const TRACE = TRACE_LINES.join('\r\n');

test('package.json contributes this grammar under scopeName source.sip', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars: { scopeName: string; path: string }[] };
  };
  const contribution = pkg.contributes.grammars.find((g) => g.scopeName === 'source.sip');
  assert.ok(contribution, 'no grammar contribution for source.sip');
  assert.equal(path.resolve(ROOT, contribution.path), GRAMMAR_PATH);
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string };
  assert.equal(raw.scopeName, 'source.sip');
});

test('request line: method, Request-URI and version', async () => {
  const lines = await tokenizeDocument(TRACE);
  const requestLine = lineStartingWith(lines, 'INVITE ');
  assertScope(requestLine, 'INVITE', 'keyword.other.method.sip');
  assertScope(requestLine, 'sip:bob@biloxi.example.com', 'markup.underline.link.uri.sip');
  assertScope(requestLine, 'SIP/2.0', 'constant.language.version.sip');

  // Any token is a valid method, not only the well-known ones.
  const [custom] = await tokenizeDocument('FROBNICATE sips:alice@example.com SIP/2.0');
  assertScope(custom!, 'FROBNICATE', 'keyword.other.method.sip');
  assertScope(custom!, 'sips:alice@example.com', 'markup.underline.link.uri.sip');
});

test('status lines: version, per-class status code scopes, reason phrase', async () => {
  const lines = await tokenizeDocument(TRACE);
  const cases: [string, string, string][] = [
    ['SIP/2.0 180 Ringing', '180', 'Ringing'],
    ['SIP/2.0 302 Moved Temporarily', '302', 'Moved Temporarily'],
    ['SIP/2.0 404 Not Found', '404', 'Not Found'],
    ['SIP/2.0 503 Service Unavailable', '503', 'Service Unavailable'],
    ['SIP/2.0 603 Decline', '603', 'Decline'],
  ];
  for (const [text, code, reason] of cases) {
    const line = lineStartingWith(lines, text);
    assertScope(line, 'SIP/2.0', 'constant.language.version.sip');
    assertScope(line, code, `constant.numeric.status.${code[0]}xx.sip`);
    assertScope(line, reason, 'string.unquoted.reason.sip');
  }

  const scopes302 = scopesOf(lineStartingWith(lines, 'SIP/2.0 302'), '302');
  const scopes503 = scopesOf(lineStartingWith(lines, 'SIP/2.0 503'), '503');
  assert.ok(!scopes302.includes('constant.numeric.status.5xx.sip'));
  assert.ok(!scopes503.includes('constant.numeric.status.3xx.sip'));
  assert.notDeepEqual(scopes302, scopes503);
});

test('status classes carry distinct theme-coloured scopes', async () => {
  // The innermost scope of the code token is the one the theme colours (the second name in
  // the rule). Compare its first two segments, e.g. "markup.changed" vs "invalid.illegal".
  const themeScope = (scopes: string[]): string => scopes[scopes.length - 1]!.split('.').slice(0, 2).join('.');
  const colours = new Map<string, string>();
  for (const code of ['100', '200', '302', '486', '503', '603']) {
    const [line] = await tokenizeDocument(`SIP/2.0 ${code} Reason`);
    const scopes = scopesOf(line!, code);
    assert.ok(scopes.includes(`constant.numeric.status.${code[0]}xx.sip`), scopes.join(' '));
    colours.set(`${code[0]}xx`, themeScope(scopes));
  }
  assert.notEqual(colours.get('3xx'), colours.get('5xx'));
  // 1xx..5xx are pairwise different; 6xx may share 5xx's "invalid" colour.
  const classes = ['1xx', '2xx', '3xx', '4xx', '5xx'].map((c) => colours.get(c));
  assert.equal(new Set(classes).size, classes.length, `colour scopes: ${JSON.stringify([...colours])}`);
  assert.match(colours.get('5xx')!, /^invalid\./);
  assert.match(colours.get('6xx')!, /^invalid\./);
});

test('header names, long and compact forms, case-insensitive, space before colon', async () => {
  const lines = await tokenizeDocument(TRACE);
  const name = 'support.type.property-name.header.sip';
  for (const header of ['Via', 'Max-Forwards', 'To', 'From', 'Call-ID', 'CSeq', 'Contact', 'Content-Length']) {
    const line = lineStartingWith(lines, `${header}:`);
    assertScope(line, header, name);
    assertScope(line, ':', 'punctuation.separator.key-value.header.sip');
  }
  for (const compact of ['v', 'f', 't', 'i', 'l']) {
    assertScope(lineStartingWith(lines, `${compact}: `), compact, name);
  }
  const lowerCase = lineStartingWith(lines, 'call-id :');
  assertScope(lowerCase, 'call-id', name);
  assertScope(lowerCase, ':', 'punctuation.separator.key-value.header.sip');
});

test('header values: URIs, tag and branch parameters, other parameters, strings, numbers', async () => {
  const lines = await tokenizeDocument(TRACE);

  const via = lineStartingWith(lines, 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;rport');
  assertScope(via, 'branch', 'variable.parameter.branch.sip');
  assertScope(via, 'z9hG4bK776asdhds', 'constant.other.branch.sip');
  assertScope(via, 'rport', 'variable.parameter.sip');
  assertScope(via, 'SIP/2.0', 'constant.language.version.sip');

  const from = lineStartingWith(lines, 'From: "Alice"');
  assertScope(from, 'sip:alice@atlanta.example.com', 'markup.underline.link.uri.sip');
  assertScope(from, 'tag', 'variable.parameter.tag.sip');
  assertScope(from, '1928301774', 'constant.other.tag.sip');
  assert.ok(scopesOf(from, '"').includes('string.quoted.double.sip'));
  assertScope(from, 'Alice', 'string.quoted.double.sip');

  const compactTo = lineStartingWith(lines, 't: ');
  assertScope(compactTo, 'tag', 'variable.parameter.tag.sip');
  assertScope(compactTo, 'a6c85cf', 'constant.other.tag.sip');
  const compactVia = lineStartingWith(lines, 'v: ');
  assertScope(compactVia, 'branch', 'variable.parameter.branch.sip');
  assertScope(compactVia, 'z9hG4bK776asdhds', 'constant.other.branch.sip');

  const contact = lineStartingWith(lines, 'Contact: <sip:bob@192.0.2.4:5060>');
  assertScope(contact, 'sip:bob@192.0.2.4:5060', 'markup.underline.link.uri.sip');
  assertScope(contact, 'expires', 'variable.parameter.sip');
  assertScope(contact, '60', 'constant.other.parameter-value.sip', contact.text.indexOf('expires='));

  const uriParam = lineStartingWith(lines, 'Contact: <sip:alice@');
  assertScope(uriParam, 'transport', 'variable.parameter.sip');

  assertScope(lineStartingWith(lines, 'CSeq: 314159'), '314159', 'constant.numeric.sip');
  assertScope(lineStartingWith(lines, 'Max-Forwards:'), '70', 'constant.numeric.sip');
  // A Call-ID is not chopped into numbers.
  assertNoScopeLike(lineStartingWith(lines, 'Call-ID:'), /^constant\.numeric/);
});

test('folded continuation lines continue the header value', async () => {
  const lines = await tokenizeDocument(TRACE);
  const index = lines.findIndex((l) => l.text.startsWith('Subject:'));
  const continuation = lines[index + 1]!;
  assert.equal(continuation.text, ' folded onto a second line');
  for (const token of continuation.tokens.filter((t) => t.text.trim() !== '')) {
    assert.ok(token.scopes.includes('meta.header.value.sip'), token.scopes.join(' '));
    assert.ok(!token.scopes.includes('support.type.property-name.header.sip'));
  }
  // ... and the header after it starts afresh.
  assertScope(lines[index + 2]!, 'Content-Type', 'support.type.property-name.header.sip');
});

test('SDP body lines', async () => {
  const lines = await tokenizeDocument(TRACE);
  for (const type of ['v', 'o', 's', 'c', 't', 'm', 'a']) {
    const line = lineStartingWith(lines, `${type}=`);
    assertScope(line, type, 'keyword.other.sdp.sip');
    assertNoScopeLike(line, HEADER_LIKE);
  }
  const rtpmap = lineStartingWith(lines, 'a=rtpmap:');
  assertScope(rtpmap, 'rtpmap', 'entity.other.attribute-name.sdp.sip');
  assertScope(lineStartingWith(lines, 'm='), '49172', 'constant.numeric.sip');
  assertScope(lineStartingWith(lines, 'c='), '192.0.2.101', 'constant.numeric.sip');
});

test('log lines between messages are not scoped as headers', async () => {
  const lines = await tokenizeDocument(TRACE);
  for (const text of TRACE_LINES.filter((l) => l.startsWith('2024-05-01 '))) {
    assertNoScopeLike(lineStartingWith(lines, text), HEADER_LIKE);
  }
  // Token-colon shaped, but outside any message and not a SIP header name.
  assertNoScopeLike(lineStartingWith(lines, 'INFO: relaying'), HEADER_LIKE);
  // Messages after the log lines are still recognised.
  assertScope(lineStartingWith(lines, 'SIP/2.0 302'), '302', 'constant.numeric.status.3xx.sip');
});

test('lines that still carry a trailing CR tokenize the same way', async () => {
  const lines = await tokenizeDocument(TRACE, /\n/);
  assertScope(lineStartingWith(lines, 'INVITE '), 'SIP/2.0', 'constant.language.version.sip');
  assertScope(lineStartingWith(lines, 'SIP/2.0 503'), '503', 'constant.numeric.status.5xx.sip');
  assertScope(lineStartingWith(lines, 'Content-Type:'), 'Content-Type', 'support.type.property-name.header.sip');
  assertScope(lineStartingWith(lines, 'a=rtpmap'), 'rtpmap', 'entity.other.attribute-name.sdp.sip');
  assertNoScopeLike(lineStartingWith(lines, 'INFO: relaying'), HEADER_LIKE);
});

test('a 1 MB header line tokenizes without hanging or throwing', async () => {
  const grammar = await loadGrammar();
  const inMessage = grammar.tokenizeLine('INVITE sip:bob@biloxi.example.com SIP/2.0', vsctm.INITIAL).ruleStack;
  const oneMegabyte = (prefix: string, unit: string): string =>
    prefix + unit.repeat(Math.ceil((1024 * 1024 - prefix.length) / unit.length));
  const hugeLines = [
    oneMegabyte('Via: ', 'SIP/2.0/UDP h.example.com:5060;branch=z9hG4bK1;tag=x;rport, '),
    oneMegabyte('From: "', '\\";a=<sip:x '),
    oneMegabyte('Subject: ', 'x'),
  ];
  for (const line of hugeLines) {
    assert.ok(line.length >= 1024 * 1024);
    for (const state of [inMessage, vsctm.INITIAL]) {
      const result = grammar.tokenizeLine(line, state);
      assert.ok(result.tokens.length > 0);
      assert.equal(result.stoppedEarly, false);
    }
  }
});

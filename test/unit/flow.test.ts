// The call flow: participants inferred or read from the log, one arrow per message, the calls list
// and legs, the exports against golden files, and a hostile trace that must stay text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { decodeCapture } from '../../server/src/sip/capture/decode';
import { Trace } from '../../server/src/sip/model';
import { CallFlow, arrowAt, arrowsOf, selectedCallIds } from '../../server/src/sip/flow/flowModel';
import { callFlowOf } from '../../server/src/sip/flow/traceFlow';
import { hostPort } from '../../server/src/sip/flow/endpoints';
import { callsCsv } from '../../server/src/sip/flow/callList';
import { FLOW_EXTENSIONS, FLOW_FORMATS, renderFlow } from '../../server/src/sip/flow/exports';
import { escapeMermaid, escapePlantUml, escapeXml } from '../../server/src/sip/flow/text';
import { readWebviewMessage } from '../../server/src/protocol';
import { FIXTURES, crlf, lineOf } from '../helpers';

const GOLDEN = join(FIXTURES, 'flow');
/** SIP_UPDATE_GOLDEN=1 npm test rewrites the golden files; review the diff before committing it. */
const UPDATE = process.env.SIP_UPDATE_GOLDEN === '1';

function read(path: string): Trace {
  const bytes = readFileSync(path);
  return parseTrace(/\.pcap(ng)?$/.test(path) ? decodeCapture(bytes).text : new TextDecoder().decode(bytes));
}

const GOLDEN_FIXTURES: Record<string, string> = {
  'redirect-followed': join(FIXTURES, 'behaviour', 'redirect-followed.sip'),
  'retry-too-early': join(FIXTURES, 'behaviour', 'retry-too-early_messages.log'),
  'sngrep-all-dialogs': join(FIXTURES, 'formats', 'sngrep', 'all-dialogs.txt'),
  'contact-not-tried-pcap': join(FIXTURES, 'behaviour', 'pcap', 'contact-not-tried.pcap'),
  hostile: join(GOLDEN, 'hostile.sip'),
};

for (const [name, path] of Object.entries(GOLDEN_FIXTURES)) {
  test(`golden exports of ${name}`, () => {
    const flow = callFlowOf(read(path));
    for (const format of FLOW_FORMATS) {
      const file = join(GOLDEN, `${name}.${FLOW_EXTENSIONS[format]}`);
      const drawn = renderFlow(flow, format);
      if (UPDATE) writeFileSync(file, drawn);
      assert.equal(drawn, readFileSync(file, 'utf8'), `${file} (SIP_UPDATE_GOLDEN=1 npm test rewrites it)`);
    }
  });
}

/** Every trace the parser reads among the fixtures: plain, SIPp logs, other tools' logs, captures. */
function allFixtures(): string[] {
  const behaviour = readdirSync(join(FIXTURES, 'behaviour')).filter((f) => /\.sip$|_messages\.log$/.test(f)).map((f) => join(FIXTURES, 'behaviour', f));
  const formats = readdirSync(join(FIXTURES, 'formats'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['scenarios', 'tools', 'robustness'].includes(d.name))
    .flatMap((d) => readdirSync(join(FIXTURES, 'formats', d.name)).filter((f) => !f.endsWith('.md')).map((f) => join(FIXTURES, 'formats', d.name, f)));
  const pcaps = readdirSync(join(FIXTURES, 'behaviour', 'pcap')).map((f) => join(FIXTURES, 'behaviour', 'pcap', f));
  return [...behaviour, ...formats, ...pcaps];
}

const MERMAID_ARROW = /^ {4}P(\d+)(->>|-->>)P(\d+): (.*)$/;

test('Mermaid contract on every fixture: participants, then exactly one arrow per message in trace order', () => {
  for (const path of allFixtures()) {
    const trace = read(path);
    const lines = renderFlow(callFlowOf(trace), 'mermaid').trimEnd().split('\n');
    assert.equal(lines[0], 'sequenceDiagram', path);
    const participants = lines.filter((l) => /^ {4}participant P\d+ as /.test(l));
    assert.ok(participants.length >= 1 || trace.messages.length === 0, path);
    assert.deepEqual(lines.slice(1, 1 + participants.length), participants, `${path}: participants come first`);
    const arrows = lines.filter((l) => MERMAID_ARROW.test(l));
    assert.equal(arrows.length, trace.messages.length, path);
    for (const l of lines.slice(1 + participants.length)) assert.ok(MERMAID_ARROW.test(l) || /^ {4}Note over P\d+(,P\d+)?: /.test(l), `${path}: ${l}`);
    arrows.forEach((l, i) => {
      const m = trace.messages.at(i);
      const [, , arrow, , label] = MERMAID_ARROW.exec(l)!;
      const start = trace.text.slice(m.startLine.offset, m.startLine.end);
      if (m.startLine.kind === 'request') {
        assert.equal(arrow, '->>', `${path}: ${l}`);
        assert.ok(start.startsWith(label.split(' ')[0] + ' '), `${path}: ${l} for ${start}`);
      } else {
        assert.equal(arrow, '-->>', `${path}: ${l}`);
        assert.ok(label.startsWith(`${m.startLine.code} `), `${path}: ${l} for ${start}`);
      }
    });
  }
});

test('SVG: each arrow carries the 1-based line of its start line, and the frame for captures', () => {
  for (const path of [GOLDEN_FIXTURES['retry-too-early'], GOLDEN_FIXTURES['contact-not-tried-pcap']]) {
    const trace = read(path);
    const svg = renderFlow(callFlowOf(trace), 'svg');
    const groups = [...svg.matchAll(/<g class="msg[^"]*" data-line="(\d+)"(?: data-frame="(\d+)")?/g)];
    assert.equal(groups.length, trace.messages.length);
    groups.forEach((g, i) => {
      assert.equal(Number(g[1]), lineOf(trace.text, trace.messages.at(i).startLine.offset));
      assert.equal(g[2] === undefined ? undefined : Number(g[2]), trace.meta[i]?.frame);
    });
    if (path.endsWith('.pcap')) assert.ok(groups.every((g) => g[2] !== undefined));
  }
});

function columns(flow: CallFlow): string[] {
  return flow.participants.map((p) => p.address);
}

test('participants of a plain 302 flow: client, redirect server and Contact target, inferred from Via, Request-URI and the way back', () => {
  const flow = callFlowOf(read(GOLDEN_FIXTURES['redirect-followed']));
  assert.deepEqual(columns(flow), ['127.0.0.1:5060', '127.0.0.1:5070', '127.0.0.1:5080']);
  const [invite, moved, ack, retry, trying] = arrowsOf(flow);
  assert.deepEqual([invite.from, invite.to, moved.from, moved.to, ack.to, retry.to, trying.from], [0, 1, 1, 0, 1, 2, 2]);
  assert.equal(moved.followUp?.arrow, 3, 'the 302 links to the retry');
  assert.equal(moved.followUp?.line, retry.line);
});

test('arrows are coloured by dialog: the 302 and its ACK share the INVITE\'s colour, the retry it caused has its own, as has the next call', () => {
  const arrows = arrowsOf(callFlowOf(read(GOLDEN_FIXTURES['redirect-followed'])));
  const colours = arrows.map((a) => `${a.call}:${a.colour}`);
  assert.deepEqual(colours.slice(0, 3), ['0:0', '0:0', '0:0'], 'INVITE, 302, ACK');
  assert.ok(colours.slice(3).every((c) => c === '0:1' || !c.startsWith('0:')), 'the retry, its 200, ACK and BYE: the second dialog');
  const other = arrows.filter((a) => a.call === 1).map((a) => a.colour);
  assert.ok(other.length > 0 && other.every((c) => c > 1), 'the second call: dialogs of its own');
});

test('a column order dragged in the view and renamed columns carry into every export', () => {
  const trace = read(GOLDEN_FIXTURES['redirect-followed']);
  const flow = callFlowOf(trace, { order: ['127.0.0.1:5080', 'nowhere:5060', '127.0.0.1:5060'], names: { '127.0.0.1:5080': 'bob phone' } });
  assert.deepEqual(columns(flow), ['127.0.0.1:5080', '127.0.0.1:5060', '127.0.0.1:5070'], 'named ones first, in that order; the others after, as they came');
  const [invite, moved, , retry] = arrowsOf(flow);
  assert.deepEqual([invite.from, invite.to, moved.from, moved.to, retry.to], [1, 2, 2, 1, 0], 'each arrow still joins the same addresses');
  const mermaid = renderFlow(flow, 'mermaid').split('\n');
  assert.deepEqual(mermaid.slice(1, 4), ['    participant P1 as bob phone', '    participant P2 as 127.0.0.1:5060', '    participant P3 as 127.0.0.1:5070']);
  assert.equal(mermaid[4], '    P2->>P3: INVITE sip:bob@127.0.0.1:5070');
  assert.match(renderFlow(flow, 'plantuml'), /^participant "bob phone" as P1\nparticipant "127\.0\.0\.1:5060" as P2$/m);
  const svg = renderFlow(flow, 'svg');
  assert.ok(svg.indexOf('data-address="127.0.0.1:5080"') < svg.indexOf('data-address="127.0.0.1:5060"'));
  assert.match(svg, />bob phone<\/text>/);
  assert.deepEqual(readWebviewMessage({ type: 'order', order: ['127.0.0.1:5070', 'injected:1', 3] }, callFlowOf(trace)), { type: 'order', order: ['127.0.0.1:5070'] });
});

test('participants from the log: sngrep gives the addresses, the SIPp log leaves them to inference', () => {
  assert.deepEqual(columns(callFlowOf(read(GOLDEN_FIXTURES['sngrep-all-dialogs']))), ['127.0.0.1:5060', '127.0.0.1:5070', '127.0.0.1:5080', '127.0.0.1:5090']);
  const sipp = callFlowOf(read(GOLDEN_FIXTURES['retry-too-early']));
  assert.deepEqual(columns(sipp), ['127.0.0.1:5060', '127.0.0.1:5070']);
  const arrows = arrowsOf(sipp);
  const retried = arrows.find((a) => a.code === 503)!;
  assert.equal(retried.followUp?.retryAfter, 10);
  assert.ok(retried.followUp?.after !== undefined && retried.followUp.after > 900 && retried.followUp.after < 1100, 'the wait before the retry');
  assert.ok(arrows.some((a) => a.severity === 'warning' && a.findings.some((f) => f.code === 'sip.503.retry-too-early')));
  assert.equal(arrows[0].sincePrevious, undefined);
  assert.equal(arrows[1].sinceCallStart, arrows[1].time! - arrows[0].time!);
});

test('hostPort: one spelling per column', () => {
  assert.equal(hostPort('sip:bob@127.0.0.1:5070;transport=udp'), '127.0.0.1:5070');
  assert.equal(hostPort('sip:Bob@Biloxi.Example.COM'), 'biloxi.example.com:5060');
  assert.equal(hostPort('sips:bob@biloxi.example.com'), 'biloxi.example.com:5061');
  assert.equal(hostPort('192.0.2.1'), '192.0.2.1:5060');
  assert.equal(hostPort('[2001:db8::1]:5080'), '[2001:db8::1]:5080');
  assert.equal(hostPort('sip:[2001:db8::1]'), '[2001:db8::1]:5060');
  assert.equal(hostPort('tel:+15551234'), undefined);
});

test('a selection of calls draws only their messages; the calls list keeps them all; legs come along on request', () => {
  const base = (callId: string, extra: string[] = [], uri = 'sip:bob@192.0.2.2') =>
    crlf(`INVITE ${uri} SIP/2.0`, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK' + callId, 'Max-Forwards: 70', 'From: <sip:alice@192.0.2.1>;tag=1', 'To: <sip:bob@192.0.2.2>', `Call-ID: ${callId}`, 'CSeq: 1 INVITE', ...extra, 'Content-Length: 0');
  const answer = (callId: string, code: string) =>
    crlf(`SIP/2.0 ${code}`, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK' + callId, 'From: <sip:alice@192.0.2.1>;tag=1', 'To: <sip:bob@192.0.2.2>;tag=2', `Call-ID: ${callId}`, 'CSeq: 1 INVITE', 'Content-Length: 0');
  const text = base('a-leg') + answer('a-leg', '200 OK') + base('b-leg', ['X-Call-ID: a-leg'], 'sip:bob@192.0.2.3') + answer('b-leg', '486 Busy Here') + base('other') + answer('other', '302 Moved Temporarily') + base('a-leg-0001-embedded-b2b') + answer('a-leg-0001-embedded-b2b', '200 OK');
  const trace = parseTrace(text);
  const flow = callFlowOf(trace, { calls: ['b-leg'] });
  assert.deepEqual(selectedCallIds(flow), ['b-leg']);
  assert.equal(flow.arrows.count, 2);
  assert.equal(flow.calls.length, 4);
  assert.deepEqual(flow.calls.map((c) => c.state), ['answered', 'rejected 486', 'redirected', 'answered']);
  assert.deepEqual(flow.calls[0].legs, [1], 'X-Call-ID names the A-leg');
  assert.deepEqual(flow.calls[1].legs, [0]);
  assert.deepEqual(selectedCallIds(callFlowOf(trace, { calls: ['b-leg'], legs: true })), ['a-leg', 'b-leg']);
  assert.deepEqual(callFlowOf(trace, { calls: ['a-leg-0001-embedded-b2b'] }).calls[3].legs, [], 'a short Call-ID inside another is a coincidence');
  assert.deepEqual(callFlowOf(trace, { calls: ['nope'] }).selected.length, 4, 'an unknown Call-ID selects nothing, so all are drawn');
  assert.deepEqual(
    callFlowOf(trace, { names: { '192.0.2.1:5060': 'Alice phone' } }).participants.map((p) => p.name),
    ['Alice phone', '192.0.2.2:5060', '192.0.2.3:5060'],
  );
});

test('the calls list as CSV: quoted where needed, formulas defused', () => {
  const csv = callsCsv([{ callId: '=HYPERLINK("x")', from: 'sip:a,b@h', to: '+1', firstMethod: 'INVITE', messages: 2, state: 'answered', findings: 0, legs: [], duration: 1500 }]);
  assert.equal(csv.split('\r\n')[1], `"'=HYPERLINK(""x"")","sip:a,b@h",'+1,INVITE,,1.500,2,answered,0`);
});

test('arrowAt: the arrow of the message the cursor is in', () => {
  const flow = callFlowOf(read(GOLDEN_FIXTURES['redirect-followed']));
  assert.equal(arrowAt(flow, 0), 0);
  assert.equal(arrowAt(flow, flow.arrows.offset[3] + 5), 3);
  assert.equal(arrowAt(flow, flow.arrows.offset[1] - 1), 0, 'the blank line after a message still belongs to it');
});

test('hostile text stays text in every export: nothing runs, the diagram is intact', () => {
  const trace = read(GOLDEN_FIXTURES.hostile);
  const flow = callFlowOf(trace);
  assert.equal(flow.arrows.count, 2);
  const svg = renderFlow(flow, 'svg');
  assert.doesNotMatch(svg, /<script|<img|<b>/i);
  assert.equal(svg.match(/<svg /g)?.length, 1);
  assert.equal(svg.match(/<\/svg>/g)?.length, 1);
  assert.ok(svg.trimEnd().endsWith('</svg>'));
  assert.equal(svg.match(/<g class="msg/g)?.length, 2);
  // Every < in the SVG opens one of the renderer's own elements, with the renderer's own attributes.
  const attributes = ['xmlns', 'width', 'height', 'viewBox', 'class', 'data-line', 'data-frame', 'data-index', 'data-address', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'rx', 'd', 'cx', 'cy', 'r', 'fill'];
  for (const tag of svg.matchAll(/<\/?([a-zA-Z]+)([^>]*)>/g)) {
    assert.ok(['svg', 'title', 'style', 'rect', 'line', 'g', 'text', 'path', 'circle'].includes(tag[1]), tag[0]);
    for (const a of tag[2].matchAll(/\s([^\s=]+)="[^"]*"/g)) assert.ok(attributes.includes(a[1]), tag[0]);
    assert.equal(tag[2].replace(/\s([^\s=]+)="[^"]*"/g, '').trim().replace(/^\/$/, ''), '', tag[0]);
  }
  const mermaid = renderFlow(flow, 'mermaid');
  for (const l of mermaid.trimEnd().split('\n').slice(1)) assert.doesNotMatch(l.replace(/^ {4}(participant P\d+ as |P\d+-?->>P\d+: |Note over [P\d,]+: )/, '').replace(/#\d+;/g, ''), /[<>;%#]/, l);
  assert.equal(mermaid.split('\n').filter((l) => MERMAID_ARROW.test(l)).length, 2);
  assert.doesNotMatch(renderFlow(flow, 'plantuml'), /(^|[^~])</);
  assert.equal(escapeXml('a"<\u0000'), 'a&quot;&lt; ');
  assert.equal(escapeMermaid('x;#<'), 'x#59;#35;#60;');
  assert.equal(escapePlantUml('a<b>**c\\n'), 'a~<b>~**c~\\n');
});

test('messages from the webview are checked against the flow it shows before anything is done', () => {
  const flow = callFlowOf(read(GOLDEN_FIXTURES['redirect-followed']));
  assert.deepEqual(readWebviewMessage({ type: 'reveal', arrow: 3 }, flow), { type: 'reveal', arrow: 3 });
  for (const arrow of [-1, 20, 1.5, '3', NaN, null]) assert.equal(readWebviewMessage({ type: 'reveal', arrow }, flow), undefined, String(arrow));
  assert.equal(readWebviewMessage({ type: 'reveal', arrow: 0 }, undefined), undefined, 'nothing shown yet');
  assert.deepEqual(readWebviewMessage({ type: 'select', calls: ['1-20889@127.0.0.1', 'injected', 7], legs: 'yes' }, flow), { type: 'select', calls: ['1-20889@127.0.0.1'], legs: false });
  assert.equal(readWebviewMessage({ type: 'rename', address: '10.0.0.1:5060' }, flow), undefined, 'only a column it shows');
  assert.deepEqual(readWebviewMessage({ type: 'export', format: 'svg' }, flow), { type: 'export', format: 'svg' });
  assert.equal(readWebviewMessage({ type: 'export', format: '../../etc/passwd' }, flow), undefined);
  for (const raw of [null, 'reveal', [], { type: 'eval' }, { type: '__proto__' }]) assert.equal(readWebviewMessage(raw, flow), undefined);
});

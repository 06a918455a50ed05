// Writes a large, valid SIP trace for the end-to-end test of a big file:
//   node makeLargeTrace.js OUT.sip [MEGABYTES=4]
// CRLF line endings, messages separated by one blank line, every Content-Length exact. Mostly
// ordinary calls (INVITE with SDP → 100 → 180 → 200 with SDP → ACK → BYE → 200); every 25th call
// is redirected first (INVITE → 302 → ACK), every 30th is answered 503 (with Retry-After every
// other time). The first call is a redirect, so a diagnostic shows on the first screen, and the
// last one ends in a 503 without Retry-After, so one shows at the very end. Deterministic.
import { writeFileSync } from 'node:fs';

const CRLF = '\r\n';

function message(startLine: string, headers: string[], body = ''): string {
  const all = [...headers, `Content-Length: ${Buffer.byteLength(body, 'utf8')}`];
  return [startLine, ...all].join(CRLF) + CRLF + CRLF + body;
}

function sdp(user: string, host: string, session: number, port: number): string {
  return [
    'v=0',
    `o=${user} ${session} ${session} IN IP4 ${host}`,
    's=-',
    `c=IN IP4 ${host}`,
    't=0 0',
    `m=audio ${port} RTP/AVP 0 8 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=sendrecv',
  ].join(CRLF) + CRLF;
}

interface Dialog {
  readonly i: number;
  readonly target: string;
  readonly callId: string;
  readonly fromTag: string;
  readonly branch: (n: number) => string;
}

function common(d: Dialog, branch: string, cseq: string, toTag?: string): string[] {
  return [
    `Via: SIP/2.0/UDP 192.0.2.10:5060;branch=${branch}`,
    `From: "Alice" <sip:alice@atlanta.example.com>;tag=${d.fromTag}`,
    `To: <sip:bob${d.i}@biloxi.example.com>${toTag ? `;tag=${toTag}` : ''}`,
    `Call-ID: ${d.callId}`,
    `CSeq: ${cseq}`,
  ];
}

function invite(d: Dialog, target: string, cseq: number, branch: string): string {
  const [via, ...rest] = common(d, branch, `${cseq} INVITE`);
  return message(`INVITE ${target} SIP/2.0`, [via, 'Max-Forwards: 70', ...rest,
    'Contact: <sip:alice@192.0.2.10:5060>', 'User-Agent: e2e-generator/1.0', 'Content-Type: application/sdp'],
  sdp('alice', '192.0.2.10', 2890844526 + d.i, 49170 + (d.i % 1000) * 2));
}

function response(d: Dialog, status: string, branch: string, cseq: string, toTag?: string, extra: string[] = [], body = ''): string {
  return message(`SIP/2.0 ${status}`, [...common(d, branch, cseq, toTag), ...extra], body);
}

function request(d: Dialog, method: string, target: string, cseq: number, branch: string, toTag: string): string {
  const [via, ...rest] = common(d, branch, `${cseq} ${method}`, toTag);
  return message(`${method} ${target} SIP/2.0`, [via, 'Max-Forwards: 70', ...rest]);
}

function call(i: number, kind: 'normal' | 'redirect' | 'overload' | 'overload-retry'): string[] {
  const d: Dialog = {
    i,
    target: `sip:bob${i}@biloxi.example.com`,
    callId: `e2e-${i.toString(16)}-${(i * 2654435761 >>> 0).toString(16)}@192.0.2.10`,
    fromTag: `ft${i}`,
    branch: (n) => `z9hG4bK${i.toString(36)}x${n}`,
  };
  const out: string[] = [];
  let target = d.target;
  let cseq = 1;
  if (kind === 'redirect') {
    const b = d.branch(0);
    out.push(invite(d, target, cseq, b));
    out.push(response(d, '302 Moved Temporarily', b, `${cseq} INVITE`, `rd${i}`, [`Contact: <sip:bob${i}@192.0.2.44:5060>`]));
    out.push(request(d, 'ACK', target, cseq, b, `rd${i}`));
    target = `sip:bob${i}@192.0.2.44:5060`;
    cseq++;
  }
  const b = d.branch(1);
  out.push(invite(d, target, cseq, b));
  out.push(response(d, '100 Trying', b, `${cseq} INVITE`));
  if (kind === 'overload' || kind === 'overload-retry') {
    const extra = kind === 'overload-retry' ? ['Retry-After: 60'] : [];
    out.push(response(d, '503 Service Unavailable', b, `${cseq} INVITE`, `ol${i}`, extra));
    out.push(request(d, 'ACK', target, cseq, b, `ol${i}`));
    return out;
  }
  const tag = `bt${i}`;
  out.push(response(d, '180 Ringing', b, `${cseq} INVITE`, tag, [`Contact: <sip:bob${i}@192.0.2.44:5060>`]));
  out.push(response(d, '200 OK', b, `${cseq} INVITE`, tag,
    [`Contact: <sip:bob${i}@192.0.2.44:5060>`, 'Content-Type: application/sdp'],
    sdp(`bob${i}`, '192.0.2.44', 3000000000 + i, 30000 + (i % 1000) * 2)));
  out.push(request(d, 'ACK', `sip:bob${i}@192.0.2.44:5060`, cseq, d.branch(2), tag));
  out.push(request(d, 'BYE', `sip:bob${i}@192.0.2.44:5060`, cseq + 1, d.branch(3), tag));
  out.push(response(d, '200 OK', d.branch(3), `${cseq + 1} BYE`, tag));
  return out;
}

export function largeTrace(targetBytes: number): { text: string; messages: number; calls: number } {
  const parts: string[] = [];
  let bytes = 0;
  let calls = 0;
  let messages = 0;
  const push = (msgs: string[]): void => {
    for (const m of msgs) {
      const s = m + CRLF;
      parts.push(s);
      bytes += Buffer.byteLength(s, 'utf8');
      messages++;
    }
    calls++;
  };
  for (let i = 0; bytes < targetBytes; i++) {
    const kind = i % 25 === 0 ? 'redirect' : i % 30 === 7 ? (i % 60 === 7 ? 'overload' : 'overload-retry') : 'normal';
    push(call(i, kind));
  }
  push(call(calls, 'overload'));
  return { text: parts.join(''), messages, calls };
}

if (require.main === module) {
  const [out, mb = '4'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node makeLargeTrace.js OUT.sip [MEGABYTES]');
    process.exit(2);
  }
  const { text, messages, calls } = largeTrace(Number(mb) * 1024 * 1024);
  writeFileSync(out, text);
  console.log(`${out}: ${Buffer.byteLength(text)} bytes, ${text.split(CRLF).length - 1} lines, ${messages} messages, ${calls} calls`);
}

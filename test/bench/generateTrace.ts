// Deterministic generator of a realistic SIP trace for the benchmark: CRLF line endings, messages
// separated by one blank line (as in examples/), a mix of call flows as seen from the caller's side:
//   - basic call: INVITE (SDP) → 100 → 180 → 200 (SDP) → ACK → BYE → 200
//   - registration: REGISTER → 401 (WWW-Authenticate) → REGISTER (Authorization) → 200
//   - redirect: INVITE → 100 → 302 (Contact) → ACK → INVITE at the contact → basic call
//   - overload: INVITE → 100 → 503 (with or without Retry-After) → ACK
//   - keep-alive: OPTIONS → 200
// Headers are what real user agents and proxies send (Via with z9hG4bK branches and rport/received,
// Max-Forwards, tagged From/To, Call-ID, CSeq, Contact, User-Agent/Server, Allow, Supported,
// Record-Route/Route through a proxy, a few compact forms and UTF-8 display names). Every
// Content-Length is the body's exact UTF-8 byte count.

export interface GeneratedTrace {
  /** The whole trace: every message followed by one blank line. */
  readonly text: string;
  /** Each message's exact text (start line through the end of its body), in trace order. */
  readonly messages: string[];
}

export const DEFAULT_TARGET_BYTES = 10 * 1024 * 1024;

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRLF = '\r\n';
const FIRST_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'zoe'];
const DISPLAY = ['Alice Liddell', 'Bob Marley', 'Carol King', 'Dave Grohl', 'Erin Brockovich', 'Frank Zappa', 'Grace Hopper', 'Heidi Klum', 'Front Desk', 'Sales', 'Support Line 2', 'Conference Room B'];
// Rare, but real: UTF-8 in quoted display names (RFC 3261 §25.1 allows UTF8-NONASCII in quoted-string).
const DISPLAY_UTF8 = ['José Pérez', 'Zoë Müller', 'Łukasz Żółć', 'Søren Kierkegård', 'Renée Dubois'];
const DOMAINS = ['atlanta.example.com', 'biloxi.example.com', 'chicago.example.net', 'voip.example.org', 'sip.carrier.example', 'pbx.example.co.uk'];
const USER_AGENTS = [
  'Linphone/5.2.5 (belle-sip/5.2.4)',
  'Zoiper rv2.10.19.5',
  'Yealink SIP-T46S 66.86.0.15',
  'PolycomVVX-VVX_411-UA/6.4.3.5018',
  'Grandstream GXP2170 1.0.11.23',
  'MicroSIP/3.21.3',
  'Cisco-SIPGateway/IOS-15.x',
  'snom D785/10.1.159.12',
  'Bria 6 release 6.5.3 stamp 112233',
  'sipp 3.7.1',
];
const SERVERS = ['Asterisk PBX 18.20.0', 'FreeSWITCH-mod_sofia/1.10.10-release~64bit', 'OpenSIPS (3.4.2 (x86_64/linux))', 'Kamailio (5.7.2 (x86_64/linux))', 'Cisco-SIPGateway/IOS-15.x'];
const ALLOWS = [
  'INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, UPDATE, PRACK',
  'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY',
  'INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, INFO, UPDATE, REGISTER, REFER, NOTIFY, PUBLISH, SUBSCRIBE',
];
const SUPPORTEDS = ['replaces, timer', 'replaces, norefersub, path, outbound, gruu', '100rel, timer, replaces, norefersub', 'outbound', 'replaces, 100rel'];
const TRANSPORTS = ['UDP', 'UDP', 'UDP', 'TCP', 'TLS'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HEX = '0123456789abcdef';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

interface Party {
  readonly user: string;
  readonly domain: string;
  /** `"Name" ` or ''. */
  readonly display: string;
  readonly ip: string;
  readonly port: number;
  readonly transport: string;
  readonly agent: string;
  readonly compact: boolean;
}

class Generator {
  private readonly random: () => number;
  private clock = Date.UTC(2024, 2, 11, 9, 0, 0);
  readonly messages: string[] = [];
  bytes = 0;

  constructor(seed: number) {
    this.random = prng(seed);
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }
  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
  private chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return s;
  }
  private hex(n: number): string {
    return this.chars(HEX, n);
  }
  private ip(): string {
    return this.chance(0.6) ? `10.${this.int(0, 20)}.${this.int(0, 255)}.${this.int(2, 254)}` : `192.0.2.${this.int(2, 254)}`;
  }
  private branch(): string {
    return `z9hG4bK${this.chance(0.5) ? this.hex(16) : `-${this.int(100000, 999999)}-${this.hex(8)}`}`;
  }
  private tag(): string {
    return this.chance(0.5) ? this.hex(8) : this.chars(ALNUM, 10);
  }
  private date(): string {
    const d = new Date(this.clock);
    const two = (v: number) => String(v).padStart(2, '0');
    return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
  }

  private party(): Party {
    const e164 = this.chance(0.25);
    const user = e164 ? `+1${this.int(200, 999)}555${String(this.int(0, 9999)).padStart(4, '0')}` : `${this.pick(FIRST_NAMES)}${this.chance(0.5) ? this.int(1, 999) : ''}`;
    const name = this.chance(0.02) ? this.pick(DISPLAY_UTF8) : this.chance(0.6) ? this.pick(DISPLAY) : '';
    const transport = this.pick(TRANSPORTS);
    const agent = this.pick(USER_AGENTS);
    return {
      user,
      domain: this.pick(DOMAINS),
      display: name ? `"${name}" ` : '',
      ip: this.ip(),
      port: transport === 'TLS' ? 5061 : this.chance(0.8) ? 5060 : this.int(10000, 65000),
      transport,
      agent,
      compact: agent.startsWith('sipp') ? false : this.chance(0.04),
    };
  }

  private aor(p: Party): string {
    return `sip:${p.user}@${p.domain}${p.user.startsWith('+') ? ';user=phone' : ''}`;
  }
  private contactUri(p: Party): string {
    return `sip:${p.user}@${p.ip}:${p.port}${p.transport === 'UDP' ? '' : `;transport=${p.transport.toLowerCase()}`}`;
  }
  private via(p: Party, branch: string, answered: boolean): string {
    let v = `SIP/2.0/${p.transport} ${p.ip}:${p.port};branch=${branch}`;
    if (p.transport === 'UDP') v += answered ? `;rport=${p.port}` : ';rport';
    if (answered && this.chance(0.3)) v += `;received=${this.ip()}`;
    return v;
  }

  private sdp(p: Party, session: number, version: number): string {
    const codecs = this.pick([
      ['0 8 101', ['a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16']],
      ['9 0 8 101', ['a=rtpmap:9 G722/8000', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-15']],
      ['111 0 101', ['a=rtpmap:111 opus/48000/2', 'a=fmtp:111 minptime=10;useinbandfec=1', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000']],
      ['18 0 101', ['a=rtpmap:18 G729/8000', 'a=fmtp:18 annexb=no', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000']],
    ] as const);
    const lines = [
      'v=0',
      `o=${p.user.replace('+', '')} ${session} ${version} IN IP4 ${p.ip}`,
      `s=${this.pick(['-', 'SIP Call', 'Talk', 'session'])}`,
      `c=IN IP4 ${p.ip}`,
      't=0 0',
      `m=audio ${this.int(5000, 32000) * 2} RTP/AVP ${codecs[0]}`,
      ...codecs[1],
      'a=ptime:20',
      'a=sendrecv',
    ];
    return lines.join(CRLF) + CRLF;
  }

  /** Header name in the party's style (compact forms for a few user agents). */
  private static readonly COMPACT: Readonly<Record<string, string>> = { Via: 'v', From: 'f', To: 't', 'Call-ID': 'i', Contact: 'm', 'Content-Length': 'l', 'Content-Type': 'c', Supported: 'k' };

  private emit(startLine: string, headers: Array<[string, string]>, body: string, compact: boolean): void {
    let head = startLine + CRLF;
    for (const [name, value] of headers) head += `${compact ? (Generator.COMPACT[name] ?? name) : name}: ${value}${CRLF}`;
    if (body) head += `${compact ? 'c' : 'Content-Type'}: application/sdp${CRLF}`;
    head += `${compact ? 'l' : 'Content-Length'}: ${Buffer.byteLength(body, 'utf8')}${CRLF}${CRLF}`;
    const message = head + body;
    this.messages.push(message);
    this.bytes += Buffer.byteLength(message, 'utf8') + 2; // + the blank line after it
    this.clock += this.int(5, 900);
  }

  // --- Flows -------------------------------------------------------------------------------------

  /** One INVITE transaction and what follows it in the dialog (ACK, BYE). */
  private invite(call: CallState, outcome: 'answer' | 'redirect' | 'overload'): void {
    const { caller, callee } = call;
    const branch = this.branch();
    const cseq = call.cseq;
    const session = this.int(1000000000, 4294967295);
    const fromH = `${caller.display}<${this.aor(caller)}>;tag=${call.fromTag}`;
    const toNoTag = `${callee.display}<${this.aor(callee)}>`;
    const inviteHeaders: Array<[string, string]> = [
      ['Via', this.via(caller, branch, false)],
      ['Max-Forwards', '70'],
      ['From', fromH],
      ['To', toNoTag],
      ['Call-ID', call.callId],
      ['CSeq', `${cseq} INVITE`],
      ['Contact', `<${this.contactUri(caller)}>`],
      ['User-Agent', caller.agent],
      ['Allow', call.allow],
      ['Supported', call.supported],
    ];
    if (call.routeSet.length > 0 && call.preloaded) inviteHeaders.splice(1, 0, ['Route', call.routeSet.join(', ')]);
    this.emit(`INVITE ${call.requestUri} SIP/2.0`, inviteHeaders, this.sdp(caller, session, session), caller.compact);

    const server = this.pick(SERVERS);
    const responseVia = this.via(caller, branch, true);
    const toTagged = `${toNoTag};tag=${call.toTag}`;
    const common = (to: string, extra: Array<[string, string]> = []): Array<[string, string]> => [
      ['Via', responseVia],
      ...extra,
      ['From', fromH],
      ['To', to],
      ['Call-ID', call.callId],
      ['CSeq', `${cseq} INVITE`],
    ];
    if (this.chance(0.9)) this.emit('SIP/2.0 100 Trying', [...common(toNoTag), ['Server', server]], '', false);
    const rr: Array<[string, string]> = call.recordRoute.map((r) => ['Record-Route', r] as [string, string]);

    if (outcome === 'redirect') {
      call.redirectTo = `sip:${callee.user}@${this.ip()}:${this.chance(0.7) ? 5060 : this.int(10000, 65000)}`;
      const contact = `<${call.redirectTo}>${this.chance(0.3) ? ';q=0.7;expires=3600' : ''}`;
      this.emit('SIP/2.0 302 Moved Temporarily', [...common(toTagged), ['Contact', contact], ['Server', server]], '', false);
      // ACK for a non-2xx final response: same branch and Request-URI as the INVITE (RFC 3261 §17.1.1.3).
      this.emit(
        `ACK ${call.requestUri} SIP/2.0`,
        [['Via', this.via(caller, branch, false)], ['Max-Forwards', '70'], ['From', fromH], ['To', toTagged], ['Call-ID', call.callId], ['CSeq', `${cseq} ACK`], ['User-Agent', caller.agent]],
        '',
        caller.compact,
      );
      return;
    }
    if (outcome === 'overload') {
      const extra: Array<[string, string]> = [['Server', server]];
      if (this.chance(0.5)) {
        extra.push(['Retry-After', this.pick([`${this.int(5, 300)}`, `${this.int(30, 600)};duration=3600`, `${this.int(60, 900)} (maintenance)`])]);
      }
      if (this.chance(0.3)) extra.push(['Reason', 'Q.850;cause=42;text="Switching equipment congestion"']);
      this.emit('SIP/2.0 503 Service Unavailable', [...common(toTagged), ...extra], '', false);
      this.emit(
        `ACK ${call.requestUri} SIP/2.0`,
        [['Via', this.via(caller, branch, false)], ['Max-Forwards', '70'], ['From', fromH], ['To', toTagged], ['Call-ID', call.callId], ['CSeq', `${cseq} ACK`], ['User-Agent', caller.agent]],
        '',
        caller.compact,
      );
      return;
    }

    const calleeContact = `<${this.contactUri(callee)}>`;
    if (this.chance(0.9)) {
      this.emit('SIP/2.0 180 Ringing', [...common(toTagged, rr), ['Contact', calleeContact], ['Server', server], ['Allow', call.allow]], '', false);
    }
    const answer = this.sdp(callee, this.int(1000000000, 4294967295), 1);
    this.emit('SIP/2.0 200 OK', [...common(toTagged, rr), ['Contact', calleeContact], ['Server', server], ['Allow', call.allow], ['Supported', this.pick(SUPPORTEDS)]], answer, callee.compact);

    // In-dialog requests follow the route set (reverse of Record-Route at the UAC).
    const route: Array<[string, string]> = call.recordRoute.length ? [['Route', [...call.recordRoute].reverse().join(', ')]] : [];
    const target = this.contactUri(callee);
    this.emit(
      `ACK ${target} SIP/2.0`,
      [['Via', this.via(caller, this.branch(), false)], ...route, ['Max-Forwards', '70'], ['From', fromH], ['To', toTagged], ['Call-ID', call.callId], ['CSeq', `${cseq} ACK`], ['Contact', `<${this.contactUri(caller)}>`], ['User-Agent', caller.agent]],
      '',
      caller.compact,
    );

    if (this.chance(0.65)) {
      // The caller hangs up.
      const byeBranch = this.branch();
      const byeCseq = cseq + 1;
      this.emit(
        `BYE ${target} SIP/2.0`,
        [['Via', this.via(caller, byeBranch, false)], ...route, ['Max-Forwards', '70'], ['From', fromH], ['To', toTagged], ['Call-ID', call.callId], ['CSeq', `${byeCseq} BYE`], ['User-Agent', caller.agent]],
        '',
        caller.compact,
      );
      this.emit('SIP/2.0 200 OK', [['Via', this.via(caller, byeBranch, true)], ['From', fromH], ['To', toTagged], ['Call-ID', call.callId], ['CSeq', `${byeCseq} BYE`], ['Server', server]], '', false);
    } else {
      // The callee hangs up: From/To swap, the callee's own CSeq space, its own Via.
      const byeBranch = this.branch();
      const byeCseq = this.int(1, 30000);
      const calleeFrom = `${toNoTag};tag=${call.toTag}`;
      const callerTo = fromH;
      const routeBack: Array<[string, string]> = call.recordRoute.length ? [['Route', call.recordRoute.join(', ')]] : [];
      this.emit(
        `BYE ${this.contactUri(caller)} SIP/2.0`,
        [['Via', this.via(callee, byeBranch, false)], ...routeBack, ['Max-Forwards', this.chance(0.5) ? '70' : '69'], ['From', calleeFrom], ['To', callerTo], ['Call-ID', call.callId], ['CSeq', `${byeCseq} BYE`], ['User-Agent', callee.agent]],
        '',
        callee.compact,
      );
      this.emit('SIP/2.0 200 OK', [['Via', this.via(callee, byeBranch, true)], ['From', calleeFrom], ['To', callerTo], ['Call-ID', call.callId], ['CSeq', `${byeCseq} BYE`], ['User-Agent', caller.agent]], '', caller.compact);
    }
  }

  private newCall(): CallState {
    const caller = this.party();
    const callee = this.party();
    const proxied = this.chance(0.4);
    const proxyHost = `proxy${this.int(1, 4)}.${callee.domain}`;
    const recordRoute = proxied ? [`<sip:${proxyHost};lr>`, ...(this.chance(0.3) ? [`<sip:${this.ip()}:5060;lr;ftag=${this.hex(6)}>`] : [])] : [];
    return {
      caller,
      callee,
      callId: this.chance(0.5) ? `${this.hex(32)}@${caller.ip}` : `${this.chars(ALNUM, 22)}`,
      fromTag: this.tag(),
      toTag: this.tag(),
      cseq: this.chance(0.5) ? 1 : this.int(100, 30000),
      requestUri: this.aor(callee),
      allow: this.pick(ALLOWS),
      supported: this.pick(SUPPORTEDS),
      recordRoute,
      routeSet: proxied ? [`<sip:${proxyHost};lr>`] : [],
      preloaded: proxied && this.chance(0.3),
      redirectTo: '',
    };
  }

  basicCall(): void {
    this.invite(this.newCall(), 'answer');
  }

  redirectedCall(): void {
    const call = this.newCall();
    this.invite(call, 'redirect');
    // Retry at the Contact of the 302: same Call-ID and From tag, new CSeq and branch, new To tag.
    call.requestUri = call.redirectTo;
    call.cseq += 1;
    call.toTag = this.tag();
    call.preloaded = false;
    this.invite(call, this.chance(0.85) ? 'answer' : 'overload');
  }

  overloadedCall(): void {
    this.invite(this.newCall(), 'overload');
  }

  registration(): void {
    const ua = this.party();
    const registrar = `sip:${ua.domain}`;
    const fromH = `${ua.display}<${this.aor(ua)}>;tag=${this.tag()}`;
    const toH = `${ua.display}<${this.aor(ua)}>`;
    const callId = `${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}`;
    let cseq = this.int(1, 200);
    const expires = this.pick(['3600', '600', '300', '1800']);
    const instance = this.chance(0.4) ? `;+sip.instance="<urn:uuid:${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}>"` : '';
    const contact = `<${this.contactUri(ua)}>${instance};expires=${expires}`;
    const realm = ua.domain;
    const nonce = this.chars(ALNUM, 32);
    const opaque = this.hex(16);
    const server = this.pick(SERVERS);
    const request = (auth: string | undefined, branch: string) => {
      const h: Array<[string, string]> = [
        ['Via', this.via(ua, branch, false)],
        ['Max-Forwards', '70'],
        ['From', fromH],
        ['To', toH],
        ['Call-ID', callId],
        ['CSeq', `${cseq} REGISTER`],
        ['Contact', contact],
        ['Expires', expires],
      ];
      if (auth) h.push(['Authorization', auth]);
      h.push(['User-Agent', ua.agent], ['Allow', this.pick(ALLOWS)], ['Supported', this.pick(SUPPORTEDS)]);
      this.emit(`REGISTER ${registrar} SIP/2.0`, h, '', ua.compact);
    };
    const toTagged = `${toH};tag=${this.tag()}`;
    const branch1 = this.branch();
    request(undefined, branch1);
    this.emit(
      'SIP/2.0 401 Unauthorized',
      [
        ['Via', this.via(ua, branch1, true)],
        ['From', fromH],
        ['To', toTagged],
        ['Call-ID', callId],
        ['CSeq', `${cseq} REGISTER`],
        ['WWW-Authenticate', `Digest realm="${realm}", nonce="${nonce}", opaque="${opaque}", algorithm=MD5, qop="auth"`],
        ['Server', server],
      ],
      '',
      false,
    );
    cseq++;
    const branch2 = this.branch();
    const auth = `Digest username="${ua.user}", realm="${realm}", nonce="${nonce}", uri="${registrar}", response="${this.hex(32)}", algorithm=MD5, cnonce="${this.hex(16)}", opaque="${opaque}", qop=auth, nc=00000001`;
    request(auth, branch2);
    this.emit(
      'SIP/2.0 200 OK',
      [
        ['Via', this.via(ua, branch2, true)],
        ['From', fromH],
        ['To', toTagged],
        ['Call-ID', callId],
        ['CSeq', `${cseq} REGISTER`],
        ['Contact', contact],
        ['Date', this.date()],
        ['Server', server],
      ],
      '',
      false,
    );
  }

  keepAlive(): void {
    const ua = this.party();
    const target = this.party();
    const branch = this.branch();
    const fromH = `<sip:${ua.user}@${ua.domain}>;tag=${this.tag()}`;
    const toH = `<sip:${target.domain}>`;
    const callId = this.chars(ALNUM, 24);
    const cseq = this.int(1, 5000);
    this.emit(
      `OPTIONS sip:${target.domain} SIP/2.0`,
      [['Via', this.via(ua, branch, false)], ['Max-Forwards', '70'], ['From', fromH], ['To', toH], ['Call-ID', callId], ['CSeq', `${cseq} OPTIONS`], ['Contact', `<${this.contactUri(ua)}>`], ['User-Agent', ua.agent], ['Accept', 'application/sdp']],
      '',
      ua.compact,
    );
    this.emit(
      'SIP/2.0 200 OK',
      [['Via', this.via(ua, branch, true)], ['From', fromH], ['To', `${toH};tag=${this.tag()}`], ['Call-ID', callId], ['CSeq', `${cseq} OPTIONS`], ['Allow', this.pick(ALLOWS)], ['Accept', 'application/sdp'], ['Supported', this.pick(SUPPORTEDS)], ['Server', this.pick(SERVERS)]],
      '',
      false,
    );
  }

  step(): void {
    const r = this.random();
    if (r < 0.5) this.basicCall();
    else if (r < 0.7) this.registration();
    else if (r < 0.8) this.redirectedCall();
    else if (r < 0.9) this.overloadedCall();
    else this.keepAlive();
  }
}

interface CallState {
  readonly caller: Party;
  readonly callee: Party;
  readonly callId: string;
  readonly fromTag: string;
  toTag: string;
  cseq: number;
  requestUri: string;
  readonly allow: string;
  readonly supported: string;
  readonly recordRoute: string[];
  readonly routeSet: string[];
  preloaded: boolean;
  redirectTo: string;
}

/**
 * A trace of at least `targetBytes` UTF-8 bytes (it stops after the flow that crosses the target),
 * the same for the same seed.
 */
export function generateTrace(targetBytes: number = DEFAULT_TARGET_BYTES, seed = 0x5eed): GeneratedTrace {
  const g = new Generator(seed);
  while (g.bytes < targetBytes) g.step();
  return { text: g.messages.map((m) => m + CRLF).join(''), messages: g.messages };
}

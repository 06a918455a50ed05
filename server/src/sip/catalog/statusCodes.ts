/**
 * Hover documentation for SIP response codes.
 *
 * Covers every code of RFC 3261 §21 and the IANA-registered extension codes. Texts are
 * written for someone reading a trace under pressure: what the code means, where it
 * usually comes from, and what a correct client does next. Pure data, no dependencies.
 */

export interface StatusCodeInfo {
  readonly code: number;
  /** Canonical reason phrase, e.g. 'Moved Temporarily'. */
  readonly reason: string;
  /** What it means (1-3 sentences). */
  readonly meaning: string;
  /** Typical real-world situations. */
  readonly whenYouSeeIt: string;
  /** What a correct client / UAC does next. */
  readonly clientAction: string;
  /** e.g. 'RFC 3261 §21.3.3' */
  readonly rfc: string;
  /** e.g. 'https://www.rfc-editor.org/rfc/rfc3261#section-21.3.3' */
  readonly url: string;
}

interface Citation {
  readonly rfc: string;
  readonly url: string;
}

function cite(rfc: number, section: string): Citation {
  return {
    rfc: `RFC ${rfc} §${section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`,
  };
}

function entry(
  code: number,
  reason: string,
  citation: Citation,
  meaning: string,
  whenYouSeeIt: string,
  clientAction: string,
): StatusCodeInfo {
  return Object.freeze({ code, reason, meaning, whenYouSeeIt, clientAction, rfc: citation.rfc, url: citation.url });
}

export const STATUS_CODES: readonly StatusCodeInfo[] = Object.freeze([
  // ───────────────────────────── 1xx Provisional ─────────────────────────────
  entry(
    100,
    'Trying',
    cite(3261, '21.1.1'),
    'The next hop got the request and is working on it. It is hop-by-hop only: a stateful proxy never forwards a 100 upstream, it sends its own.',
    'Sent by proxies (quickly, to quiet UDP retransmissions) and by UASs for INVITE. Its absence over UDP is why you see the INVITE retransmitted at 0.5 s, 1 s, 2 s, ...',
    'Stop retransmitting the INVITE (the client transaction enters Proceeding) and keep waiting for a final response. From now on the request may be cancelled: CANCEL must not be sent before some provisional response has arrived (§9.1).',
  ),
  entry(
    180,
    'Ringing',
    cite(3261, '21.1.2'),
    'The UAS is alerting the user. With a To tag it creates an early dialog; it may carry SDP (early media).',
    'Normal call setup. Several 180s with different To tags mean a forking proxy reached several devices (one early dialog each).',
    'Play local ringback unless early media arrives. Track each To tag as its own early dialog. If it carries Require: 100rel and RSeq, acknowledge it with PRACK. CANCEL is allowed from here if the caller hangs up.',
  ),
  entry(
    181,
    'Call Is Being Forwarded',
    cite(3261, '21.1.3'),
    'A server reports that the call is being forwarded to a different set of destinations. Purely informational.',
    'Call forwarding (unconditional, busy, no-answer) performed by a proxy, application server or PBX.',
    'Nothing to do: keep waiting for a final response. Caller UIs may show "forwarded".',
  ),
  entry(
    182,
    'Queued',
    cite(3261, '21.1.4'),
    'The callee is temporarily unavailable, but the server queued the call instead of rejecting it. The final response comes once the callee is free; the reason phrase may give details such as queue position or waiting time.',
    'Call centres, ACD queues, hunt groups. Several 182s may arrive to update the queue status.',
    'Keep waiting; the transaction stays in Proceeding. The caller may give up with CANCEL.',
  ),
  entry(
    183,
    'Session Progress',
    cite(3261, '21.1.5'),
    'Progress information not covered by the other 1xx codes. Details come in the reason phrase, header fields or body, which is very often SDP for early media.',
    'PSTN gateways and carriers playing ringback or announcements as early media; IMS/VoLTE calls with preconditions (reliable 183 with SDP, then PRACK and UPDATE).',
    'If it has SDP, start rendering early media for that early dialog. If it has Require: 100rel and RSeq, send PRACK with a matching RAck, otherwise the UAS will retransmit it and finally give up on the call.',
  ),
  entry(
    199,
    'Early Dialog Terminated',
    cite(6228, '1'),
    'A UAS or forking proxy tells the upstream side that one early dialog (identified by its To tag) has ended, before any final response is sent.',
    'Forked calls where one branch fails while others still ring; only sent when the UAC announced support with Supported: 199.',
    'Release what belongs to that early dialog (early media stream, state), keep the other early dialogs and keep waiting for the final response. If it is sent reliably, PRACK it like any reliable 1xx.',
  ),

  // ───────────────────────────── 2xx Success ─────────────────────────────
  entry(
    200,
    'OK',
    cite(3261, '21.2.1'),
    'The request succeeded. What it carries depends on the method: for INVITE it establishes the dialog (usually with the SDP answer), for REGISTER it lists the current bindings, for BYE the call is over.',
    'Every successful transaction. Several 200s to one INVITE with different To tags mean a forking proxy got answers from more than one device.',
    'For INVITE: send ACK end-to-end (new branch, same CSeq number, method ACK) along the route set built from Record-Route, to the Contact of the 200; keep ACKing retransmitted 200s. ACK and then BYE any extra 200 you do not want. For REGISTER: read the granted expires per Contact and refresh before it runs out.',
  ),
  entry(
    202,
    'Accepted',
    cite(6665, '8.3.1'),
    'The request was accepted but processing is not finished. RFC 6665 deprecates it: notifiers must answer SUBSCRIBE with 200, and subscribers must treat a 202 exactly like a 200.',
    'REFER (RFC 3515): the transfer was accepted and its outcome will arrive in NOTIFY with a message/sipfrag body. Older RFC 3265 notifiers answering SUBSCRIBE.',
    'Treat it as 200. For REFER, wait for the NOTIFY of the implicit refer subscription to learn how the referenced call went.',
  ),
  entry(
    204,
    'No Notification',
    cite(5839, '8.1'),
    'Success for a conditional SUBSCRIBE: the subscription is created or refreshed, but no NOTIFY follows because the state the subscriber already holds (its Suppress-If-Match entity-tag) is still current.',
    'Presence or dialog-event subscription refreshes from clients that cache event state with entity-tags.',
    'Keep using the cached state; the subscription is active for the duration in Expires. Refresh it as usual before it expires.',
  ),

  // ───────────────────────────── 3xx Redirection ─────────────────────────────
  entry(
    300,
    'Multiple Choices',
    cite(3261, '21.3.1'),
    'The address resolved to several locations, each listed in Contact; the caller (or its UA) can pick one. No standard selection rule exists.',
    'Redirect servers that know several devices or numbers for a user and prefer not to proxy the request themselves.',
    'ACK it (final response to INVITE). Then try one or more of the Contact URIs, sequentially or in parallel, each as a new transaction, or let the user choose. Same caching rules as 302.',
  ),
  entry(
    301,
    'Moved Permanently',
    cite(3261, '21.3.2'),
    'The user can no longer be found at the Request-URI; the new address is in Contact.',
    'Number or account migrations, renamed users, decommissioned domains with a forwarding address.',
    'ACK it, retry at the Contact address, and update address books, directories and location caches so that future requests go to the new address.',
  ),
  entry(
    302,
    'Moved Temporarily',
    cite(3261, '21.3.3'),
    'The callee is temporarily reachable somewhere else. The Contact header field of the response lists the URI(s) to try instead of the Request-URI.',
    'A user temporarily at another device or location; redirect servers answering with the current registration; call forwarding implemented by redirection (follow-me, forwarding to mobile or voicemail); redirect servers or routing engines used for load distribution or least-cost routing that hand back the next hop instead of proxying.',
    'ACK the 302 first: it is a final response to the INVITE. Then retry the request at the URI(s) in the Contact header (highest q first), each as a NEW transaction: new Via branch and CSeq incremented, while keeping the same Call-ID, From and From tag is allowed. Keep using the original Request-URI for future requests: the move is temporary. Cache a Contact only for the lifetime given by an Expires header or an `expires` Contact parameter; without one it is valid for this one retry only. Never retry a Contact you already tried (redirect loop).',
  ),
  entry(
    305,
    'Use Proxy',
    cite(3261, '21.3.4'),
    'The resource must be reached through the proxy named in Contact; the client is expected to repeat this single request via that proxy. Only UASs may generate it.',
    'Rare in practice; occasionally from PBXs or gateways insisting on a particular outbound proxy.',
    'ACK it; then either retry this one request through the proxy in Contact or, if policy does not trust the sender (a 305 can redirect signalling to an attacker), treat it as a failure. Do not make that proxy the default for other requests.',
  ),
  entry(
    380,
    'Alternative Service',
    cite(3261, '21.3.5'),
    'The call failed, but alternative services are possible; they are described in the response body (no body format is defined by RFC 3261).',
    'IMS networks: a 380 with a 3GPP XML body telling the UE that the dialled number is an emergency number and must be re-dialled as an emergency call.',
    'ACK it and inspect the body; follow the alternative it describes (for IMS: re-attempt as an emergency call) or report the failure.',
  ),

  // ───────────────────────────── 4xx Client Failure ─────────────────────────────
  entry(
    400,
    'Bad Request',
    cite(3261, '21.4.1'),
    'The request is malformed and could not be understood. The reason phrase should name the problem, e.g. "Missing Call-ID header".',
    'Missing or duplicated mandatory headers, Content-Length not matching the body, broken URIs or header syntax, invalid SDP, an SBC or script that mangled the message.',
    'Do not resend it unchanged. Read the reason phrase and Warning, fix the offending header or body, and send a corrected request as a new transaction.',
  ),
  entry(
    401,
    'Unauthorized',
    cite(3261, '21.4.2'),
    'User authentication is required. Sent by UASs and registrars (proxies use 407); the WWW-Authenticate header carries the challenge (realm, nonce, algorithm, qop).',
    'The first REGISTER of every digest-authenticated registration; INVITEs or MESSAGEs to UASs that authenticate; IMS AKA registration (also carrying Security-Server).',
    'Resend the request with an Authorization header computed for that realm and nonce: new transaction, CSeq incremented, same Call-ID and From tag. A second 401 with stale=true only needs the new nonce; a second 401 without it means wrong credentials: stop instead of looping.',
  ),
  entry(
    402,
    'Payment Required',
    cite(3261, '21.4.3'),
    'Reserved for future use by RFC 3261; no standard semantics.',
    'Some carriers use it for prepaid accounts without credit or blocked billing.',
    'Treat it as a final failure; report it to the user or billing system. Retrying will not help until the account is fixed.',
  ),
  entry(
    403,
    'Forbidden',
    cite(3261, '21.4.4'),
    'The server understood the request and refuses it. Authorization will not help and the request should not be repeated.',
    'Wrong password after a digest challenge (many registrars answer 403), IP not in an allow list, destination barred (international, premium), account disabled, domain or From identity not allowed.',
    'Do not repeat the request, and do not retry authentication with the same credentials. Fix the account, ACL or dialling permissions.',
  ),
  entry(
    404,
    'Not Found',
    cite(3261, '21.4.5'),
    'The user does not exist at the domain in the Request-URI, or that domain is not one the recipient serves.',
    'Dialled number or user does not exist, dial plan or number normalisation wrong, wrong domain or host in the Request-URI, request sent to the wrong server.',
    'Do not retry the same Request-URI. Check the user part, number format (E.164, prefixes) and the domain.',
  ),
  entry(
    405,
    'Method Not Allowed',
    cite(3261, '21.4.6'),
    'The method is understood but not allowed for this Request-URI. The response must include an Allow header listing the methods that are allowed.',
    'Sending SUBSCRIBE, MESSAGE, UPDATE, REFER or INFO to devices or trunks that do not accept them; PUBLISH to a server without a presence service.',
    'Look at Allow and use one of those methods (e.g. re-INVITE instead of UPDATE), or drop the feature for this peer.',
  ),
  entry(
    406,
    'Not Acceptable',
    cite(3261, '21.4.7'),
    'The resource can only produce response bodies whose content characteristics are not acceptable according to the Accept header of the request.',
    'A UAC with a narrow Accept header (for instance only application/sdp) asking for something the server can only describe in another format.',
    'Broaden Accept (and Accept-Encoding, Accept-Language) and send the request again.',
  ),
  entry(
    407,
    'Proxy Authentication Required',
    cite(3261, '21.4.8'),
    'Like 401, but a proxy wants the client to authenticate first; the challenge is in Proxy-Authenticate. Several proxies may each add one.',
    'Outbound calls through a provider or PBX proxy, typically the first INVITE of every call.',
    'ACK the 407 (final response to INVITE), then resend the request with a Proxy-Authorization header per challenged realm: new transaction, CSeq incremented, same Call-ID and From tag. A second 407 without stale=true means bad credentials.',
  ),
  entry(
    408,
    'Request Timeout',
    cite(3261, '21.4.9'),
    'The server could not produce a response in time, for example because it could not locate the user in time.',
    'A proxy whose Timer C (more than 3 minutes) expired while the callee kept ringing or never answered; forwarding to a dead registered contact. A UAC whose own transaction timer (Timer B or F) fires reports a 408 locally; that one never appears on the wire.',
    'The same request may be repeated later without changes. For a request inside a dialog, a 408 (like a 481) means the UAC should consider the dialog terminated (§12.2.1.2).',
  ),
  entry(
    410,
    'Gone',
    cite(3261, '21.4.10'),
    'The resource is no longer available here and no forwarding address is known; the condition is meant to be permanent (404 is used when permanence is unknown).',
    'Deleted accounts, numbers taken out of service, ported-out numbers without a redirect.',
    'Do not retry; remove the address from address books or routing tables.',
  ),
  entry(
    412,
    'Conditional Request Failed',
    cite(3903, '11.2.1'),
    'A PUBLISH carried a SIP-If-Match entity-tag that does not match any event state the server (ESC) holds, usually because that publication expired or was never known.',
    'Presence publishers refreshing after the server restarted, after their publication expired, or after failing over to another server.',
    'Send a fresh initial PUBLISH with the full state and no SIP-If-Match, then use the SIP-ETag from its 2xx for later refreshes.',
  ),
  entry(
    413,
    'Request Entity Too Large',
    cite(3261, '21.4.11'),
    'The request body is larger than the server will process. The server may close the connection; if the condition is temporary it should include Retry-After.',
    'Large SDP (many codecs or ICE candidates), big MESSAGE or NOTIFY bodies, multipart bodies with attachments.',
    'Shrink the body and retry, or wait for Retry-After if present.',
  ),
  entry(
    414,
    'Request-URI Too Long',
    cite(3261, '21.4.12'),
    'The server refuses to handle a Request-URI that is longer than it is willing to interpret.',
    'URIs carrying many parameters or embedded headers; runaway rewriting loops that keep appending to the URI.',
    'Shorten the Request-URI (drop unneeded parameters or escaped headers) and retry.',
  ),
  entry(
    415,
    'Unsupported Media Type',
    cite(3261, '21.4.13'),
    'The server does not support the body format for this method. It must say what it accepts using Accept, Accept-Encoding or Accept-Language, depending on the problem.',
    'INFO with an unexpected Content-Type (DTMF relay formats), MESSAGE with an unsupported type, compressed bodies (Content-Encoding) the peer cannot decode, multipart bodies to simple devices.',
    'Resend using a format from Accept (or without the unsupported Content-Encoding or language), per §8.1.3.5.',
  ),
  entry(
    416,
    'Unsupported URI Scheme',
    cite(3261, '21.4.14'),
    'The server does not know the scheme of the Request-URI.',
    'tel:, sips: or urn: Request-URIs sent to elements that only handle sip:.',
    'Retry with a scheme the server supports (usually a sip: URI, e.g. sip:+15551234567@domain;user=phone instead of tel:).',
  ),
  entry(
    417,
    'Unknown Resource-Priority',
    cite(4412, '4.6.2'),
    'The request required resource-priority handling (Require: resource-priority), but the server understood none of the namespaces or values in Resource-Priority.',
    'Government or emergency priority calls (ETS, WPS) crossing networks that use different priority namespaces.',
    'Check Accept-Resource-Priority in the response for what the server supports and retry with a supported namespace and value, or without the requirement.',
  ),
  entry(
    420,
    'Bad Extension',
    cite(3261, '21.4.15'),
    'The server does not understand an option tag listed in Require or Proxy-Require. The response must list the offending tags in Unsupported.',
    'UAs requiring 100rel, timer, precondition, replaces or sec-agree towards peers or proxies that lack them.',
    'Retry without the extensions listed in Unsupported (§8.1.3.5) if the call can work without them; otherwise fail.',
  ),
  entry(
    421,
    'Extension Required',
    cite(3261, '21.4.16'),
    'The UAS needs an extension that the request did not list in Supported. The response must list it in Require. UASs should only do this when they truly cannot serve the request otherwise.',
    'Servers insisting on 100rel (reliable provisional responses), timer, precondition, or sec-agree in IMS.',
    'If you support the extensions in Require, retry with them in Supported and use them; otherwise give up.',
  ),
  entry(
    422,
    'Session Interval Too Small',
    cite(4028, '6'),
    'The Session-Expires value in the request is below the minimum this element accepts; the response carries that minimum in Min-SE.',
    'UAs or B2BUAs offering short session timers (e.g. Session-Expires: 60) to peers with a larger Min-SE; the floor is 90 s.',
    'ACK it (for INVITE), then retry with Session-Expires at least the Min-SE value from the response and put that value in a Min-SE header too.',
  ),
  entry(
    423,
    'Interval Too Brief',
    cite(3261, '21.4.17'),
    'The expiration time requested for a refreshable resource is too short. The response includes Min-Expires with the minimum the server accepts.',
    'REGISTER with a small Expires or contact expires parameter (aggressive NAT keepalive settings); SUBSCRIBE with a short Expires.',
    'Retry with an expiration at least the Min-Expires value (and keep NAT bindings alive by other means, e.g. CRLF or STUN keepalives).',
  ),
  entry(
    424,
    'Bad Location Information',
    cite(6442, '4.3'),
    'The location conveyed with the request (Geolocation header and PIDF-LO body or reference) was malformed or not good enough for the recipient; a Geolocation-Error header explains why.',
    'Emergency calls and location-based routing where the location is missing, malformed or cannot be dereferenced.',
    'Read Geolocation-Error, correct or refresh the location (or its reference) and send the request again.',
  ),
  entry(
    428,
    'Use Identity Header',
    cite(8224, '6.2.2'),
    'The verifier requires an Identity header (STIR, RFC 8224) and the request has none.',
    'Terminating carriers that insist on signed calls (STIR/SHAKEN); originating networks that skipped the authentication service.',
    'Send the request through an authentication service that adds a valid Identity header (for a UA, route via the provider that signs), then retry.',
  ),
  entry(
    429,
    'Provide Referrer Identity',
    cite(3892, '5'),
    'The refer target refuses the triggered request without a valid Referred-By token (a signed statement of who did the referring).',
    'Call transfer (REFER) in deployments that require authenticated Referred-By.',
    'The referee reports the 429 to the referrer in the refer NOTIFY; the referrer may then send a new REFER that includes a Referred-By token.',
  ),
  entry(
    430,
    'Flow Failed',
    cite(5626, '11.5'),
    'SIP Outbound: the specific flow (connection) to the user agent has failed, though other flows to the same UA instance may still work.',
    'An edge proxy forwarding to a registration whose TCP/TLS connection has gone (NAT timeout, phone on a new network, crashed connection).',
    'The authoritative proxy should treat that flow as dead and try another flow registered for the same instance (another reg-id). The UA recovers by re-registering to create a new flow.',
  ),
  entry(
    433,
    'Anonymity Disallowed',
    cite(5079, '5'),
    'The server will not process the request because the requester is anonymous.',
    'Anonymous call rejection services; calls with From: anonymous, Privacy: id, or no P-Asserted-Identity.',
    'Retry without requesting anonymity (present an identity), or tell the user the callee does not accept anonymous calls.',
  ),
  entry(
    436,
    'Bad Identity Info',
    cite(8224, '6.2.2'),
    'The credential reference in the Identity header (its info parameter, formerly the Identity-Info header) is malformed or cannot be fetched.',
    'STIR/SHAKEN verification where the certificate URL is unreachable, returns an error or is not an allowed URI.',
    'The signing side must fix the info URI or certificate hosting; the UA itself cannot repair it.',
  ),
  entry(
    437,
    'Unsupported Credential',
    cite(8224, '6.2.2'),
    'The verifier could not validate the credential (certificate) referenced by the Identity header: unsupported type, untrusted issuer or broken chain. RFC 4474 called it Unsupported Certificate.',
    'STIR/SHAKEN certificates from CAs that the terminating network does not trust, or expired ones.',
    'The signing side must sign with a credential the verifier trusts; nothing to fix in the call itself.',
  ),
  entry(
    438,
    'Invalid Identity Header',
    cite(8224, '6.2.2'),
    'The Identity header failed verification: the signature does not check out, or the signed claims (originating and destination identities, date) do not match the request.',
    'Intermediaries that rewrote From or To numbers or the Date after signing; stale signatures (iat too old); truncated or corrupted headers.',
    'Make sure nothing changes the signed fields after the authentication service, and that the request is signed fresh; then retry.',
  ),
  entry(
    439,
    'First Hop Lacks Outbound Support',
    cite(5626, '11.6'),
    'The registrar supports SIP Outbound, but the first-hop proxy (edge proxy) between it and the UA does not, so the requested outbound registration cannot work.',
    'UAs registering with reg-id and +sip.instance through an edge proxy that did not add a Path with the ob parameter.',
    'Register again without outbound (no reg-id), or use an edge proxy that supports outbound.',
  ),
  entry(
    440,
    'Max-Breadth Exceeded',
    cite(5393, '5'),
    'A proxy could not fork the request because no Max-Breadth was left: the concurrent-branch budget of the request tree is exhausted.',
    'Heavy parallel forking across several proxies, forking loops, or amplification attacks; misconfigured small Max-Breadth values.',
    'Look for forking loops or excessive parallel forking and reduce it; do not just raise Max-Breadth, it exists to stop amplification.',
  ),
  entry(
    469,
    'Bad Info Package',
    cite(6086, '4.2.2'),
    'An INFO request named an Info Package (Info-Package header) that the receiver did not say it accepts. The response lists acceptable packages in Recv-Info.',
    'DTMF via INFO or other INFO-based signalling with peers that did not advertise the package in Recv-Info.',
    'Only send INFO for packages the peer listed in Recv-Info. The 469 concerns the INFO transaction alone; the dialog and session go on.',
  ),
  entry(
    470,
    'Consent Needed',
    cite(5360, '5.1'),
    'A relay (such as a URI-list server) refuses to forward the request because the recipient has not yet given permission; Permission-Missing lists the URIs that lack consent.',
    'Mass-invitation or list servers applying consent-based communications to prevent amplification and spam.',
    'Obtain the recipients\' permission through the consent framework, then retry.',
  ),
  entry(
    480,
    'Temporarily Unavailable',
    cite(3261, '21.4.18'),
    'The callee exists but is currently unavailable: not logged in, do-not-disturb, or no valid location right now. Retry-After may say when to try again.',
    'Registrar or proxy knows the user but has no current registration; DND; phone offline or unreachable; no answer policy on some PBXs.',
    'Try later (respecting Retry-After) or fall back to voicemail or another route; the user may be reachable elsewhere.',
  ),
  entry(
    481,
    'Call/Transaction Does Not Exist',
    cite(3261, '21.4.19'),
    'The UAS got a request that matches no existing dialog or transaction.',
    'BYE or re-INVITE after the peer lost the dialog (restart, failover, timeout); Call-ID or tags changed by a B2BUA or SBC; CANCEL for a transaction that already finished; NOTIFY for a terminated subscription; PRACK not matching the reliable 1xx.',
    'For a request inside a dialog, consider the dialog terminated (§12.2.1.2) and clean up locally. Check that Call-ID, From tag and To tag match what the peer saw.',
  ),
  entry(
    482,
    'Loop Detected',
    cite(3261, '21.4.20'),
    'A proxy saw the request come back to itself with the same Request-URI and routing state: a loop (§16.3 item 4). A spiral, coming back with a different Request-URI, is legitimate and not a loop.',
    'Forwarding rules pointing back and forth between two servers, DNS or routes that resolve to the proxy itself, forked branches arriving at the same server twice.',
    'Fix the routing configuration; retrying the same request will loop again.',
  ),
  entry(
    483,
    'Too Many Hops',
    cite(3261, '21.4.21'),
    'The request arrived with Max-Forwards at zero.',
    'Routing loops that the loop detection missed, very long proxy chains, or a sender starting with a small Max-Forwards (70 is the standard starting value).',
    'Start requests with Max-Forwards: 70 and look for a routing loop between the elements in the Via list.',
  ),
  entry(
    484,
    'Address Incomplete',
    cite(3261, '21.4.22'),
    'The Request-URI is incomplete. Supports overlap dialling: the client sends longer and longer digit strings until the 484s stop.',
    'Calls towards PSTN dial plans with variable-length numbers, overlap dialling gateways, short codes sent without enough digits.',
    'Collect more digits and send a new request with the longer number, or fail if dialling is complete.',
  ),
  entry(
    485,
    'Ambiguous',
    cite(3261, '21.4.23'),
    'The Request-URI is ambiguous. The response may list unambiguous candidates in Contact (servers may suppress the list for privacy).',
    'Name-based dialling or directory lookups that match several users.',
    'Pick one of the Contacts (or ask the user) and send a new request to it, or fail if none are given.',
  ),
  entry(
    486,
    'Busy Here',
    cite(3261, '21.4.24'),
    'The callee\'s device was reached but will not take another call at this end system. The user may be reachable elsewhere (e.g. voicemail); Retry-After may suggest when. 600 is used only when no other end system can take the call.',
    'Phones already on a call without call waiting, lines at their channel limit, users pressing Busy/Reject.',
    'Show busy. A forking proxy keeps trying other branches or forwards on busy (voicemail); the caller may retry later, honouring Retry-After.',
  ),
  entry(
    487,
    'Request Terminated',
    cite(3261, '21.4.25'),
    'The request was ended by a CANCEL (or BYE). It is the answer to the cancelled INVITE, never to the CANCEL itself.',
    'The caller hung up while ringing; a forking proxy cancelling the other branches after one answered (often with Reason: SIP;cause=200;text="Call completed elsewhere").',
    'Normal: ACK it (the INVITE client transaction does this). If you did not send the CANCEL, some upstream element did; check its Reason header.',
  ),
  entry(
    488,
    'Not Acceptable Here',
    cite(3261, '21.4.26'),
    'Same meaning as 606, but only for this resource: the session description (codecs, media, transport, bandwidth) is not acceptable here, while the request might succeed elsewhere. A Warning header should say why; the body may describe supported media.',
    'No common codec, SRTP required by one side and offered as plain RTP by the other (or the reverse), ICE or DTLS mismatch, unsupported T.38 re-INVITE, bandwidth limits.',
    'Check the Warning code (304 media type not available, 305 incompatible media format, 370 insufficient bandwidth, ...) and any SDP in the body, then send a new offer the peer supports. A re-INVITE rejected with 488 leaves the existing session unchanged.',
  ),
  entry(
    489,
    'Bad Event',
    cite(6665, '8.3.2'),
    'The server does not understand the event package named in the Event header. A response to SUBSCRIBE should list the supported packages in Allow-Events.',
    'SUBSCRIBE for presence, dialog, message-summary (MWI) or reg events sent to servers that do not offer that package; PUBLISH for an unsupported event.',
    'Use a package listed in Allow-Events; do not retry the same event package with this server.',
  ),
  entry(
    491,
    'Request Pending',
    cite(3261, '21.4.27'),
    'The UAS has its own request pending in the same dialog (glare), typically two simultaneous re-INVITEs or UPDATEs.',
    'Both ends sending re-INVITEs at the same time: hold/resume, session timer refreshes, codec or T.38 switches, media changes by B2BUAs.',
    'Wait a random time T and retry if still needed (§14.1): if you generated the dialog\'s Call-ID, T is between 2.1 and 4 s; otherwise between 0 and 2 s, in 10 ms units. Never retry immediately.',
  ),
  entry(
    493,
    'Undecipherable',
    cite(3261, '21.4.28'),
    'The request had an encrypted (S/MIME) body that the UAS cannot or will not decrypt. The response may carry the public key to use.',
    'S/MIME deployments with wrong or missing keys; rarely seen elsewhere.',
    'Re-encrypt with the key from the response (or the right certificate), or send unencrypted if policy allows.',
  ),
  entry(
    494,
    'Security Agreement Required',
    cite(3329, '2.3'),
    'The server requires a security agreement (RFC 3329 sec-agree) before going on; the response lists its mechanisms in Security-Server.',
    'IMS access (P-CSCF requiring ipsec-3gpp or tls) and other networks enforcing sec-agree; UAs that announced Supported: sec-agree.',
    'Pick the preferred mechanism you share, establish it, then resend the request with Security-Verify echoing Security-Server and Require and Proxy-Require: sec-agree.',
  ),

  // ───────────────────────────── 5xx Server Failure ─────────────────────────────
  entry(
    500,
    'Server Internal Error',
    cite(3261, '21.5.1'),
    'The server hit an unexpected condition and could not fulfil the request. If it is temporary, Retry-After may say when to retry.',
    'Application server or B2BUA bugs, routing script errors, database exceptions, a proxy converting a downstream 503 (which it must not forward) into 500.',
    'The request may be retried after several seconds (or after Retry-After); fail over to another server if one is available. Persistent 500s need the server logs.',
  ),
  entry(
    501,
    'Not Implemented',
    cite(3261, '21.5.2'),
    'The server does not support what the request needs, typically a method it does not recognise at all. (405 is used for recognised but disallowed methods; proxies forward any method.)',
    'UPDATE, PRACK, REFER, MESSAGE, INFO, PUBLISH or SUBSCRIBE sent to simple UAs or gateways that do not implement them.',
    'Do not send that method to this peer again; check its Allow header (e.g. with OPTIONS) and use an alternative such as re-INVITE.',
  ),
  entry(
    502,
    'Bad Gateway',
    cite(3261, '21.5.3'),
    'The server, acting as gateway or proxy, got an invalid response from the downstream server it contacted.',
    'Downstream elements returning malformed responses, wrong DNS or SRV records pointing at a non-SIP service, broken trunks behind an SBC.',
    'Try an alternate route or server if there is one; the problem is downstream of the element that sent the 502.',
  ),
  entry(
    503,
    'Service Unavailable',
    cite(3261, '21.5.4'),
    'The server is temporarily overloaded or in maintenance. A Retry-After header may say when it expects to be usable again; servers may also just drop requests or refuse connections instead of answering.',
    'Overload and traffic spikes, maintenance windows, rate limiting or call-admission control, a registrar or routing server whose database backend is down, trunks or SBCs with no capacity left.',
    'With Retry-After: do not send requests to that server again before the delay has elapsed, and meanwhile fail over to another server. Without Retry-After: treat it like a 500 and fail over to another server (the next SRV/DNS target per RFC 3263 §4.3, or another proxy) instead of hammering the same one. A proxy whose best response is a 503 should not forward it upstream but send 500 instead (§16.7), so upstream clients do not take the proxy itself out of service. Persistent 503s mean: check server capacity, overload control and load balancing.',
  ),
  entry(
    504,
    'Server Time-out',
    cite(3261, '21.5.5'),
    'The server did not get a timely response from an external server it contacted while processing the request (408 is used when the request\'s own Expires ran out).',
    'Gateways waiting on the PSTN side, proxies waiting on unresponsive downstream servers, slow DNS, ENUM or database lookups.',
    'Retry later or through another route; investigate the slow or unreachable downstream element.',
  ),
  entry(
    505,
    'Version Not Supported',
    cite(3261, '21.5.6'),
    'The server does not support, or refuses, the SIP version in the request line.',
    'Requests with a version other than SIP/2.0, usually from broken generators or fuzzing.',
    'Send SIP/2.0 messages.',
  ),
  entry(
    513,
    'Message Too Large',
    cite(3261, '21.5.7'),
    'The message is longer than the server can process.',
    'Large messages over UDP (fragmentation), huge SDP, very long Via or Record-Route lists, big NOTIFY bodies.',
    'Use a congestion-controlled transport such as TCP for large requests (§18.1.1: above 1300 bytes, or within 200 bytes of the path MTU), and trim unneeded headers or body content.',
  ),
  entry(
    555,
    'Push Notification Service Not Supported',
    cite(8599, '1'),
    'The proxy does not support the push notification service named in the pn-provider parameter of the REGISTER Contact.',
    'Mobile clients registering with pn-provider, pn-prid and pn-param for a push service (APNs, FCM) that this server cannot trigger.',
    'Register again without the push parameters, or with a push service the server supports (it advertises support with the sip.pns feature-capability indicator).',
  ),
  entry(
    580,
    'Precondition Failure',
    cite(3312, '8'),
    'The UAS cannot meet a mandatory precondition of the offer, typically quality-of-service resources that could not be reserved. The SDP in the body shows which precondition failed.',
    'IMS/VoLTE calls where the dedicated bearer or QoS reservation fails, preconditions not supported or not satisfiable by the far end.',
    'ACK it; the call has failed. Retry without preconditions only if policy allows; otherwise check resource reservation on the access network.',
  ),

  // ───────────────────────────── 6xx Global Failure ─────────────────────────────
  entry(
    600,
    'Busy Everywhere',
    cite(3261, '21.6.1'),
    'The callee was reached and is busy, and no other end system (not even voicemail) will take the call. Unlike 486, which is local to one device, 600 is global; Retry-After may suggest a better time.',
    'Users or services that know every device is busy and no alternative exists; some PBXs map "all lines busy" to 600.',
    'Stop: a forking proxy cancels its other branches and tries no new ones after a 6xx. Report busy; retry later only after Retry-After if present.',
  ),
  entry(
    603,
    'Decline',
    cite(3261, '21.6.2'),
    'The callee was reached and explicitly does not want to, or cannot, take part; no other end point will answer. Retry-After may suggest a better time.',
    'User pressing Decline on a phone configured to reject globally, call screening, do-not-disturb implemented as a global reject.',
    'Stop trying for this call (forking stops on 6xx). Tell the caller the call was declined; do not re-dial automatically.',
  ),
  entry(
    604,
    'Does Not Exist Anywhere',
    cite(3261, '21.6.3'),
    'The server knows authoritatively that the user in the Request-URI does not exist anywhere.',
    'Number-portability or HLR/HSS lookups returning unallocated numbers; authoritative directories rejecting unknown users.',
    'Stop; do not try other routes. Fix the dialled number or address.',
  ),
  entry(
    606,
    'Not Acceptable',
    cite(3261, '21.6.4'),
    'The callee\'s agent was reached and wants to communicate, but cannot support the session as described (media, bandwidth, addressing). Global, unlike 488. Warning may list reasons and the body may describe supported media.',
    'Media or codec incompatibility that the far end declares is the same everywhere, e.g. video-only or data sessions offered to audio-only users.',
    'Do not try elsewhere. Read Warning and any body, then decide whether to send a new, compatible offer.',
  ),
  entry(
    607,
    'Unwanted',
    cite(8197, '1'),
    'The called party did not want this call from this caller; later calls from the same caller will likely be rejected too. Analytics engines can use it to flag robocalls and spam.',
    'Users marking a call as spam on their phone; networks feeding 607 into call-blocking analytics.',
    'Do not re-dial. A legitimate caller has to reach the callee through other means.',
  ),
  entry(
    608,
    'Rejected',
    cite(8688, '1'),
    'An intermediary (call-blocking or analytics service), not the callee, rejected the call. It may include a Call-Info header with purpose=jwscard pointing to a jCard with contact details for disputing the block.',
    'Carrier robocall and spam filtering, STIR/SHAKEN-based blocking, analytics services rejecting suspect calls.',
    'Do not retry. If the call is legitimate, use the contact from the jCard in Call-Info to get the block lifted.',
  ),
]);

const BY_CODE: ReadonlyMap<number, StatusCodeInfo> = new Map(STATUS_CODES.map((info) => [info.code, info]));

export function statusCodeInfo(code: number): StatusCodeInfo | undefined {
  return BY_CODE.get(code);
}

const CLASS_NAMES: readonly string[] = [
  'Provisional',
  'Success',
  'Redirection',
  'Client Failure',
  'Server Failure',
  'Global Failure',
];

/** 'Provisional' (1xx), 'Success' (2xx), 'Redirection' (3xx), 'Client Failure' (4xx), 'Server Failure' (5xx), 'Global Failure' (6xx); undefined outside 100-699. */
export function statusClassName(code: number): string | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 699) return undefined;
  return CLASS_NAMES[Math.floor(code / 100) - 1];
}

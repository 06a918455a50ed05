/**
 * Hover documentation for SIP request methods. Method names are case-sensitive in SIP,
 * so lookups are exact.
 */

export interface MethodInfo {
  readonly name: string;
  readonly purpose: string;
  readonly rfc: string;
  readonly url: string;
}

function method(name: string, rfc: number, section: string, purpose: string): MethodInfo {
  return Object.freeze({
    name,
    purpose,
    rfc: `RFC ${rfc} §${section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`,
  });
}

export const METHODS: readonly MethodInfo[] = Object.freeze([
  method('INVITE', 3261, '13',
    'Starts a session, usually carrying an SDP offer; a re-INVITE inside a dialog changes it (hold, codec change, refresh). Final responses are acknowledged with ACK; it can be cancelled with CANCEL until a final response arrives.'),
  method('ACK', 3261, '13.2.2.4',
    'Confirms a final response to INVITE and never gets a response. For a non-2xx it belongs to the INVITE transaction (same branch, sent hop by hop, §17.1.1.3); for a 2xx it is sent end-to-end by the UAC as its own transaction, along the dialog route set, and may carry the SDP answer if the INVITE had no offer.'),
  method('BYE', 3261, '15',
    'Ends a dialog and its session; either party may send it on a confirmed dialog (the callee only after the ACK for its 2xx arrived or its transaction timed out). The callee must not send it on an early dialog; a caller hanging up before the answer normally sends CANCEL.'),
  method('CANCEL', 3261, '9',
    'Asks the server to stop processing a pending request, in practice an INVITE that has not had a final response. Hop by hop: same Request-URI, Call-ID, From, To, CSeq number and top Via branch as the request it cancels. It has no effect once a final response was sent; a cancelled INVITE gets 487.'),
  method('REGISTER', 3261, '10',
    'Adds, refreshes, queries or removes bindings between an address-of-record (To) and contact URIs (Contact) at a registrar. Expires: 0 removes a binding; the 2xx lists all current bindings with their granted expiry.'),
  method('OPTIONS', 3261, '11',
    'Queries a UA or server for its capabilities (Allow, Accept, Supported, SDP) without setting up a call; widely used as a keepalive or health check between proxies, SBCs and trunks.'),
  method('PRACK', 3262, '6',
    'Acknowledges a reliable provisional response (1xx with Require: 100rel and RSeq); carries RAck. It is a normal request with its own 2xx, and may carry an SDP offer or answer.'),
  method('SUBSCRIBE', 6665, '3.1',
    'Creates, refreshes (Expires greater than 0) or ends (Expires: 0) a subscription to the event package named in Event, e.g. presence, dialog, message-summary, reg. State then arrives in NOTIFY requests.'),
  method('NOTIFY', 6665, '3.2',
    'Delivers event state for a subscription; must carry Event and Subscription-State. A NOTIFY right after the SUBSCRIBE is mandatory; for REFER, NOTIFYs with message/sipfrag report the progress of the referenced request.'),
  method('PUBLISH', 3903, '4',
    'Uploads event state (e.g. presence) to the state agent for an address-of-record. The 2xx returns SIP-ETag; later refreshes, changes or removals (Expires: 0) quote it in SIP-If-Match.'),
  method('INFO', 6086, '4',
    'Sends application information inside an existing INVITE dialog without changing the session, e.g. DTMF or other application data. RFC 6086 requires an Info-Package header naming a package the peer listed in Recv-Info; legacy INFO without packages is still common.'),
  method('REFER', 3515, '2',
    'Asks the recipient to contact the URI in Refer-To, typically for call transfer. Accepted with 2xx (202 in older stacks); creates an implicit refer subscription whose NOTIFYs report the outcome, unless suppressed with Refer-Sub: false (RFC 4488).'),
  method('MESSAGE', 3428, '9',
    'Carries an instant message (often text/plain or message/cpim) in its body; a MESSAGE never creates a dialog, each one stands alone (it may also be sent inside an existing dialog). The 200 only means delivery to the recipient\'s UA, not that a person read it.'),
  method('UPDATE', 3311, '5',
    'Changes session parameters (a new SDP offer, session timer refresh) without affecting dialog state, and unlike re-INVITE it may be sent before the INVITE is answered, on an early dialog. Common in IMS precondition call flows.'),
]);

const BY_NAME: ReadonlyMap<string, MethodInfo> = new Map(METHODS.map((info) => [info.name, info]));

/** Exact, case-sensitive lookup (SIP methods are case-sensitive). */
export function methodInfo(name: string): MethodInfo | undefined {
  return BY_NAME.get(name);
}

import { defineRule, rfcUrl } from './rule';
import { startLineOf } from '../calls/locate';
import { MessageSummary } from '../calls/summary';

export const rule = defineRule({
  code: 'sip.cseq.not-incremented',
  severity: 'warning',
  rfc: 'RFC 3261 §12.2.1.1',
  url: rfcUrl(3261, '12.2.1.1'),
  title: 'New request in a dialog does not raise CSeq',
  doc: `Within a dialog, each new request (other than ACK and CANCEL, which reuse their INVITE's number) carries a CSeq one higher than the previous request from the same side (RFC 3261 §12.2.1.1). A repeated or lower number makes the peer reject the request with 500 or treat it as a retransmission.

Example: INVITE \`CSeq: 1 INVITE\`, then in the same dialog \`BYE\` with \`CSeq: 1 BYE\`.`,
  checkTrace({ calls, report }) {
    // The last request from each side (From tag) of each call. A call has a side or two: a short list
    // per Call-ID, found without building a key string per request.
    const last = new Map<string, MessageSummary[]>();
    for (const s of calls.summaries) {
      if (s.kind !== 'request' || s.method === 'ACK' || s.method === 'CANCEL' || calls.retransmission[s.index] || !Number.isFinite(s.cseq)) continue;
      let sides = last.get(s.callId);
      if (!sides) last.set(s.callId, (sides = []));
      let side = 0;
      while (side < sides.length && sides[side].fromTag !== s.fromTag) side++;
      const previous = side < sides.length ? sides[side] : undefined;
      // The same request one hop further on (a proxy added its Via) is not a new request.
      if (previous && previous.cseq === s.cseq && previous.method === s.method && previous.viaCount !== s.viaCount) continue;
      sides[side] = s;
      if (!previous || s.toTag === undefined || calls.reusedBranch.has(s.index) || s.cseq > previous.cseq || s.cseqOffset === undefined) continue;
      report(
        s.cseqOffset,
        String(s.cseq).length,
        `CSeq ${s.cseq} does not raise the previous ${previous.method}'s CSeq ${previous.cseq} in this dialog: each new request in a dialog MUST carry a higher CSeq (RFC 3261 §12.2.1.1).`,
        [startLineOf(previous, `the previous request, CSeq ${previous.cseq}`)],
      );
    }
  },
});

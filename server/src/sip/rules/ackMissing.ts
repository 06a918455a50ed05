import { defineRule, rfcUrl } from './rule';
import { startLineOf, startLineSpan } from '../calls/locate';

export const rule = defineRule({
  code: 'sip.ack.missing',
  severity: 'warning',
  rfc: 'RFC 3261 §17.1.1.3',
  url: rfcUrl(3261, '17.1.1.3'),
  title: 'Final response to INVITE never ACKed',
  doc: `Every 3xx–6xx final response to an INVITE is acknowledged with an ACK in the same transaction (same branch), sent by the client transaction itself. Without it the server retransmits the response for 32 s and then gives up on the transaction. Reported only when the trace goes on after the response, so a trace cut right after it stays silent.

Example: INVITE → 486 Busy Here, and the next message is a new request instead of the ACK.`,
  checkTrace({ calls, report }) {
    const { summaries, transactions } = calls;
    for (const t of transactions) {
      if (t.method !== 'INVITE' || t.request < 0 || t.final < 0 || t.ack >= 0) continue;
      const response = summaries.at(t.final);
      if (response.code < 300) continue;
      // The trace goes on when some later message belongs to another transaction.
      let later = t.responses[t.responses.length - 1] + 1;
      while (later < summaries.length && calls.transactionOf[later] === t.index) later++;
      if (later >= summaries.length) continue;
      const [offset, length] = startLineSpan(response);
      report(
        offset,
        length,
        `This ${response.code} to an INVITE is never acknowledged, although the trace goes on: the client must send an ACK with the INVITE's branch (RFC 3261 §17.1.1.3). The server will retransmit the response until Timer H (32 s) fires.`,
        [startLineOf(summaries.at(t.request), 'the INVITE')],
      );
    }
  },
});

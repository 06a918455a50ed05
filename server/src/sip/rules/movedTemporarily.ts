import { defineRule, rfcUrl } from './rule';
import { addressUri, contactHasExpiresParam, contactUris, headerValue, requestFor } from '../access';

export const rule = defineRule({
  code: 'sip.302.moved-temporarily',
  severity: 'information',
  rfc: 'RFC 3261 §21.3.3',
  url: rfcUrl(3261, '21.3.3'),
  title: '302 Moved Temporarily: retry at the Contact, keep the original URI',
  doc: `Marks every 302 and says what a correct client does with it: send the request again, as a new transaction, to the URI(s) in Contact; keep using the original Request-URI for every later request; cache the Contact only for as long as an explicit \`Expires\` header or \`expires\` Contact parameter allows (without one it is good for this one retry). The 302 itself is ACKed like any final response to INVITE.

Example: \`SIP/2.0 302 Moved Temporarily\` with \`Contact: <sip:bob@192.0.2.4>\`.`,
  check({ text, trace, message, header, headers, report }) {
    const line = message.startLine;
    if (line.kind !== 'response' || line.code !== 302) return;
    const contacts = contactUris(text, headers('contact'));
    const request = requestFor(trace, message);
    const toHeader = header('to');
    const to = toHeader && headerValue(text, toHeader);
    const original =
      request && request.startLine.kind === 'request'
        ? text.slice(request.startLine.uriOffset, request.startLine.uriEnd)
        : to !== undefined
          ? addressUri(to)
          : 'the original Request-URI';
    const expires = header('expires');
    const hasExpiresParam = contactHasExpiresParam(text, headers('contact'));
    const caching = expires
      ? `The 302 carries Expires: ${headerValue(text, expires)}, so the client may cache the Contact for that many seconds.`
      : hasExpiresParam
        ? 'The Contact carries an expires parameter, so the client may cache it for that long.'
        : 'There is no Expires, so the Contact is valid for this one retry only and must not be cached.';
    const where = contacts.length > 0 ? `at ${contacts.join(', ')}` : 'at the Contact URI (this 302 has none)';
    report(
      line.offset,
      line.end - line.offset,
      `302 Moved Temporarily: the target is temporarily reachable elsewhere. A correct client ACKs the 302, retries the request ${where} in a new transaction, and keeps using ${original} for future requests. ${caching}`,
    );
  },
});

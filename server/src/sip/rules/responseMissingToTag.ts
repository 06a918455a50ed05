import { defineRule, rfcUrl } from './rule';
import { headerParam } from '../values';

export const rule = defineRule({
  code: 'sip.response.missing-to-tag',
  severity: 'error',
  rfc: 'RFC 3261 §8.2.6.2',
  url: rfcUrl(3261, '8.2.6.2'),
  title: 'Response without a To tag',
  doc: `Every response except 100 Trying MUST carry a tag in To (RFC 3261 §8.2.6.2): the tag identifies the responding UA and, for dialog-creating responses, the dialog. Without it the client cannot tell forks apart nor build the dialog, and its ACK or BYE will not match. The quick fix adds a placeholder tag to replace with the real one.

Example: \`SIP/2.0 486 Busy Here\` with \`To: <sip:bob@example.com>\`.`,
  fix: {
    title: 'Add a To tag',
    edits({ header }) {
      const to = header('to');
      return to && [{ offset: to.valueEnd, length: 0, newText: ';tag=to-tag-placeholder' }];
    },
  },
  check({ text, message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'response' || line.code === 100 || line.code === 0) return;
    const to = header('to');
    if (!to) return;
    if (headerParam(text, to.valueOffset, to.valueEnd, 'tag')) return;
    report(
      to.valueOffset,
      to.valueEnd - to.valueOffset,
      `This ${line.code} has no tag in To. Every response except 100 MUST add one (RFC 3261 §8.2.6.2); without it the client cannot identify the dialog or the responding branch.`,
    );
  },
});

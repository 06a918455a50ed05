// tshark -z follow,udp,ascii,N: `Node 0:` / `Node 1:` addresses, then payload blocks, each after a
// byte-count line; a tab before the count marks a block sent by node 1.
import { LF, lineEnd, nextLineStart } from '../chars';
import { Frame, TraceFormat, nextLineWhere } from './format';

const NODE = /^Node ([01]): (\S+)\s*$/;
const COUNT = /^(\t?)(\d+)$/;
const FOLLOW = /^Follow: (\w+),ascii\s*$/;

export const tsharkFollow: TraceFormat = {
  id: 'tshark-follow',
  name: 'tshark "Follow UDP stream" (ascii)',
  firstChars: 'FN',
  signature: /^(?:Follow: \w+,ascii|Node [01]: \S+)\s*$/,
  exactBytes: true,
  frames(text) {
    const frames: Frame[] = [];
    const nodes = ['', ''];
    let transport: string | undefined;
    const n = text.length;
    const isCountOrRule = (start: number, end: number) => COUNT.test(text.slice(start, end)) || /^={10,}\s*$/.test(text.slice(start, Math.min(end, start + 200)));
    for (let pos = 0; pos < n; ) {
      const end = lineEnd(text, pos);
      const next = nextLineStart(text, end);
      const line = end - pos <= 200 ? text.slice(pos, end) : '';
      const node = NODE.exec(line);
      const follow = FOLLOW.exec(line);
      const count = COUNT.exec(line);
      if (node) nodes[Number(node[1])] = node[2];
      else if (follow) transport = follow[1].toUpperCase();
      else if (count && nodes[0] !== '') {
        const bytes = Number(count[2]);
        // tshark prints one character per byte, so the payload is `bytes` characters, then a LF.
        const expected = next + bytes;
        const exact = expected <= n && (expected === n || text.charCodeAt(expected) === LF);
        const payloadEnd = exact ? expected : nextLineWhere(text, next, n, isCountOrRule);
        const fromNode1 = count[1] === '\t';
        frames.push({
          offset: pos,
          payloadStart: next,
          payloadEnd,
          meta: { src: nodes[fromNode1 ? 1 : 0], dst: nodes[fromNode1 ? 0 : 1], transport },
          declaredBytes: { value: bytes, offset: pos + count[1].length, length: count[2].length },
        });
        // After an exact payload comes tshark's own LF; otherwise payloadEnd is already the next count line.
        pos = exact ? nextLineStart(text, lineEnd(text, payloadEnd)) : payloadEnd;
        continue;
      }
      pos = next;
    }
    return frames;
  },
};

// Writes a large pcap of generated calls for the end-to-end test of a big capture:
//   node makeLargeCapture.js OUT.pcap [MEGABYTES=100]
import { writeFileSync } from 'node:fs';
import { generateTrace } from '../bench/generateTrace';
import { captureOf } from '../bench/makeCapture';

const [out, megabytes = '100'] = process.argv.slice(2);
const bytes = captureOf(generateTrace(Number(megabytes) * 1024 * 1024).messages);
writeFileSync(out, bytes);
console.log(`${out}: ${bytes.length} bytes`);

// The bundled sip-trace-flow: formats, call selection, the calls list, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';

function flow(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'flow.js'), ...args], { encoding: 'utf8', input: '' });
}

const REDIRECT = join(FIXTURES, 'behaviour', 'redirect-followed.sip');

test('Mermaid by default, the golden file of the fixture', () => {
  const run = flow(REDIRECT);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, readFileSync(join(FIXTURES, 'flow', 'redirect-followed.mmd'), 'utf8'));
});

test('--format svg and plantuml on a capture; --call picks calls', () => {
  const pcap = join(FIXTURES, 'behaviour', 'pcap', 'contact-not-tried.pcap');
  assert.equal(flow(pcap, '--format', 'svg').stdout, readFileSync(join(FIXTURES, 'flow', 'contact-not-tried-pcap.svg'), 'utf8'));
  assert.match(flow(pcap, '--format=plantuml').stdout, /^@startuml\n/);
  const one = flow(REDIRECT, '--call', '2-20889@127.0.0.1');
  assert.equal(one.status, 0, one.stderr);
  assert.equal(one.stdout.split('\n').filter((l) => /^ {4}P\d+-?->>P\d+: /.test(l)).length, 10);
});

test('--list prints the calls as CSV', () => {
  const run = flow(REDIRECT, '--list');
  assert.equal(run.stdout.split('\r\n')[0], 'Call-ID,From,To,First method,Start,Duration (s),Messages,State,Findings');
  assert.match(run.stdout, /^1-20889@127\.0\.0\.1,sip:alice@127\.0\.0\.1:5060,sip:bob@127\.0\.0\.1:5070,INVITE,,,10,answered,1\r$/m);
});

test('usage and I/O failures exit 2', () => {
  assert.equal(flow().status, 2);
  assert.equal(flow(REDIRECT, '--format', 'png').status, 2);
  assert.match(flow(REDIRECT, '--call', 'nope').stderr, /no call with Call-ID "nope"/);
  assert.equal(flow(join(ROOT, 'no-such.sip')).status, 2);
  assert.equal(flow('--help').status, 0);
});

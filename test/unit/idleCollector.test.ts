// The collection after a big open waits for quiet: never during a burst of requests or typing, once per request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleCollector, fullCollection } from '../../server/src/idleCollector';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('collects once, after the server has been quiet for the whole quiet time', async () => {
  let collections = 0;
  const collector = new IdleCollector(() => collections++, 150);
  collector.request();
  // Activity every 20 ms keeps putting it off.
  for (let i = 0; i < 10; i++) {
    await sleep(20);
    collector.activity();
  }
  assert.equal(collections, 0, 'collected in the middle of a burst');
  await sleep(400);
  assert.equal(collections, 1);
  // Activity after the collection asks for nothing more.
  collector.activity();
  await sleep(300);
  assert.equal(collections, 1);
});

test('activity without a request never collects', async () => {
  let collections = 0;
  const collector = new IdleCollector(() => collections++, 10);
  collector.activity();
  await sleep(40);
  assert.equal(collections, 0);
});

test('requests during the quiet time make one collection, not one each', async () => {
  let collections = 0;
  const collector = new IdleCollector(() => collections++, 100);
  collector.request();
  collector.request();
  await sleep(5);
  collector.request();
  await sleep(300);
  assert.equal(collections, 1);
});

test('the full collection frees what nothing holds', async () => {
  const collect = fullCollection();
  assert.ok(collect, 'node refused --expose-gc at run time');
  let freed = false;
  const registry = new FinalizationRegistry(() => (freed = true));
  (() => registry.register({ big: new Array(1000).fill(0) }, 'garbage'))();
  collect();
  // Finalizers run in a later task.
  await sleep(10);
  assert.ok(freed, 'the garbage object was not collected');
});

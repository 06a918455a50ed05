// Preloaded into the benchmarked servers (node --expose-gc --require out/test/bench/gcOnSignal.js):
// SIGUSR2 runs a full garbage collection, so the benchmark can read the RSS that the documents and
// their models really retain, apart from garbage the collector has not reclaimed yet. It changes
// nothing else in the server.
const collect = (globalThis as { gc?: () => void }).gc;
if (collect) {
  process.on('SIGUSR2', () => {
    collect();
    collect();
  });
}

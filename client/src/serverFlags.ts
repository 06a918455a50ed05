// The Node flags the extension starts its language server with. The benchmark (test/bench/bench.ts)
// starts the server with this same list, so that it measures the server as users run it.

/**
 * - Semi-spaces of at most 2 MB instead of V8's 16 MB. Reading a big trace allocates a burst of
 *   objects of which many live as long as the document (its call model); V8 answers such a burst by
 *   growing the young generation to its maximum and keeps it committed afterwards, about 25 MB more
 *   resident memory for as long as the server runs. With small semi-spaces the long-lived objects
 *   move to the old generation sooner.
 * - One helper thread for V8's garbage collector and compiler instead of Node's four: each thread's
 *   malloc arena keeps what it once needed, about 6 MB after a 10 MB trace. The server's own work
 *   runs on its main thread, beside an editor that has the other cores.
 * The open and edit times stay the same with both (npm run bench, part c).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2', '--v8-pool-size=1'];

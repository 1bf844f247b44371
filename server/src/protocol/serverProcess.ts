// How node runs the language server, for both ways it starts: the VS Code client's execArgv and
// bin/stacklens's shebang (a test keeps the two equal).
//
// - One V8 worker thread instead of four: each thread's malloc arena keeps what concurrent compiling
//   and marking once needed, about 9 MB on the compose bench, and on the two cores editors often
//   share, fewer threads also compete less with the one that answers (edit p95 no worse).
// - 1 MB semi-spaces: V8 grows the young generation to 32 MB for throughput, while a server's work
//   comes in small bursts. Opening the bench's 13,000-line file takes no longer (lsp/heap.ts collects
//   the old generation).
export const SERVER_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1', '--max-semi-space-size=1'];

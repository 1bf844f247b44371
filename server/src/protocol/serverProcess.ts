// How node runs the language server, for both ways it starts: the VS Code client's execArgv and
// bin/stacklens's shebang (a test keeps the two equal).
//
// One V8 worker thread instead of four: each thread's malloc arena keeps what concurrent compiling
// and marking once needed, about 9 MB on the compose bench, and on the two cores editors often
// share, fewer threads also compete less with the one that answers (edit p95 no worse).
export const SERVER_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];

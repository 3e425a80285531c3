// @ts-check
// Loaded with `--import` into an app the benchmark profiles (`npm run bench -- --profile`). Nest's shutdown hook
// closes the app, then sends the same SIGTERM to its own process, which would end it by the signal — and
// `--cpu-prof` writes its profile only on a normal exit. With this second listener the re-sent signal ends the
// process through process.exit instead, and the profile is written.
let signals = 0;
process.on('SIGTERM', () => {
  if (++signals >= 2) process.exit(0);
});

/**
 * mulberry32: a small seeded generator in [0, 1), so a run that fails can be repeated with the
 * seed it printed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The generator of stream `index` of a run (a writer, the kill schedule, ...). Concurrent streams
 * sharing one generator take its numbers in whatever order their requests happen to finish, so the
 * seed would not repeat the run; each stream drawing from its own repeats its choices exactly.
 */
export function streamRandom(seed: number, index: number): () => number {
  return seededRandom(Math.floor(seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)() * 4_294_967_296));
}

/** The seed a run uses: `fromEnv` (a variable such as CHAOS_SEED, to repeat a run) or a new one. */
export function runSeed(fromEnv: string | undefined): number {
  const seed = fromEnv === undefined || fromEnv === '' ? Math.floor(Math.random() * 2 ** 31) : Number(fromEnv);
  if (!Number.isSafeInteger(seed)) throw new Error(`not an integer seed: ${fromEnv}`);
  return seed;
}

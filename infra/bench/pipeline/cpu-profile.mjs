// @ts-check
// Where an app's CPU went, by package, from a V8 `.cpuprofile` (`node --cpu-prof`): `npm run bench -- --profile`.
import { readFileSync } from 'node:fs';

/** @typedef {{ id: number, callFrame: { url: string, functionName: string }, children?: number[] }} ProfileNode */
/** @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile */

/**
 * Who owns the code at a script URL: an npm package, a project (app or lib), or Node itself. Frames with
 * no URL are V8's bookkeeping: `(garbage collector)`, `(program)`, `(idle)`; the rest of them is native code.
 * @param {ProfileNode['callFrame']} frame
 */
export function ownerOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const inModules = url.split('node_modules/').at(-1);
  if (inModules !== undefined && inModules !== url) {
    const parts = inModules.split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const project = /\/(apps|libs)\/([^/]+)\//.exec(url);
  if (project) return project[1] === 'apps' ? `${project[2]} (its own code)` : `@nestjs-kafka-sync/${project[2]}`;
  return url.startsWith('node:') ? 'node (core modules)' : url;
}

/**
 * Self time per owner as a share of the busy time (idle excluded), largest first.
 * @param {CpuProfile} profile @param {number} top
 * @returns {{ owner: string, share: number }[]}
 */
export function cpuShares(profile, top = 8) {
  const owners = new Map(profile.nodes.map((node) => [node.id, ownerOf(node.callFrame)]));
  /** @type {Map<string, number>} */
  const micros = new Map();
  profile.samples.forEach((id, i) => {
    const owner = owners.get(id) ?? '(unknown)';
    micros.set(owner, (micros.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  micros.delete('(idle)');
  const busy = [...micros.values()].reduce((a, b) => a + b, 0) || 1;
  return [...micros.entries()]
    .map(([owner, us]) => ({ owner, share: Math.round((us / busy) * 1000) / 10 }))
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
}

/**
 * Where a window of the profile went, by stage: from the first to the last sample whose stack holds `marker` (a
 * frame of the work to look at, so start-up and shutdown stay out). Each sample goes to the stage of its innermost
 * frame that names one (a pattern is a piece of the frame's script URL or function name): pg's socket write inside
 * an upsert is socket I/O, its query building is pg. V8's `(idle)` and `(garbage collector)` are stages of their
 * own; what names no stage is `other`.
 * @param {CpuProfile} profile @param {string} marker @param {[stage: string, patterns: string[]][]} stages
 * @returns {{ stage: string, micros: number }[]} largest first
 */
export function stageTimes(profile, marker, stages) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  /** @param {number} id */
  const framesOf = (id) => {
    const frames = [];
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) {
      const { url, functionName } = /** @type {ProfileNode} */ (byId.get(at)).callFrame;
      frames.push(`${functionName} ${url}`);
    }
    return frames; // innermost first
  };
  /** @param {string[]} frames */
  const stageOf = (frames) => {
    if (frames.length === 2 && frames[0].startsWith('(')) return frames[0].trim(); // (idle), (garbage collector)…
    for (const frame of frames)
      for (const [stage, patterns] of stages) if (patterns.some((p) => frame.includes(p))) return stage;
    return 'other';
  };
  let time = 0;
  const samples = profile.samples.map((id, i) => ({ id, at: (time += profile.timeDeltas[i] ?? 0) }));
  const inWork = samples.filter(({ id }) => framesOf(id).some((frame) => frame.includes(marker)));
  if (inWork.length === 0) return [];
  const [from, to] = [inWork[0].at, inWork[inWork.length - 1].at];
  /** @type {Map<string, number>} */
  const micros = new Map();
  samples.forEach(({ id, at }, i) => {
    if (at < from || at >= to) return;
    const stage = stageOf(framesOf(id));
    micros.set(stage, (micros.get(stage) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...micros.entries()].map(([stage, us]) => ({ stage, micros: us })).sort((a, b) => b.micros - a.micros);
}

/** @param {string} file */
export function readProfile(file) {
  return /** @type {CpuProfile} */ (JSON.parse(readFileSync(file, 'utf8')));
}

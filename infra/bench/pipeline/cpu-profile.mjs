// @ts-check
// Where an app's CPU went, by package, from a V8 `.cpuprofile` (`node --cpu-prof`): `npm run bench -- --profile`.
import { readFileSync } from 'node:fs';

/** @typedef {{ id: number, callFrame: { url: string, functionName: string } }} ProfileNode */
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

/** @param {string} file */
export function readProfile(file) {
  return /** @type {CpuProfile} */ (JSON.parse(readFileSync(file, 'utf8')));
}

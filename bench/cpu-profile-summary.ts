/**
 * `node dist/bench/cpu-profile-summary.js <file.cpuprofile> [skip seconds]`: where a process's CPU
 * time went, as self time summed by package (node_modules), by file of the bot's own code, and by
 * Node.js's internal module, then the costliest functions. Idle time is left out; so are the first
 * `skip seconds` of the profile (3 by default), to leave the start-up out of a profile of a load.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds from the previous sample (the first: from startTime). */
  timeDeltas: number[];
}

/** Where a function's code is: a package, a file of the bot, a Node.js module, or V8's own work. */
export function placeOf({ url, functionName }: ProfileNode['callFrame']): string {
  if (url === '') return functionName; // (garbage collector), (program), (idle)
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first!.startsWith('@') ? `${first}/${second}` : first!;
  }
  const own = /\/dist\/((?:src|commands)\/.*)\.js$/.exec(url);
  if (own) return own[1]!;
  const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
  if (internal) return `node:${internal[1]}`;
  return url;
}

export function summarize(profile: CpuProfile, skipSeconds: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let elapsedUs = 0;
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedUs += delta;
    const node = byId.get(id)!;
    if (elapsedUs < skipSeconds * 1e6 || node.callFrame.functionName === '(idle)') return;
    const place = placeOf(node.callFrame);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${place}:${node.callFrame.lineNumber + 1}`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + delta);
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    totalUs += delta;
  });
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { totalUs, places: top(byPlace, 30), functions: top(byFunction, 25) };
}

if (import.meta.filename === process.argv[1]) {
  const [file, skip = '3'] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [skip seconds]');
  const { totalUs, places, functions } = summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(skip));
  const line = ([name, us]: [string, number]) =>
    `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${name}`;
  console.log(`busy (not idle) after ${skip} s: ${(totalUs / 1000).toFixed(0)} ms\n\nself time by place:`);
  for (const entry of places) console.log(line(entry));
  console.log('\nself time by function:');
  for (const entry of functions) console.log(line(entry));
}

// `node bench/tools/cpuprofile-top.mjs FILE.cpuprofile [N] [--filter=SUBSTRING] [--last=MS]`: the hottest functions of a
// V8 CPU profile (from `node --cpu-prof`, or BENCH_CPU_PROF=DIR on a bench), by self time and by total
// time (self plus callees, counted once per sample even under recursion).
import * as fs from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);
// Only the last MS of the profile: a bench's open or edit happens just before its server stops.
const last = Number(args.find((a) => a.startsWith('--last='))?.slice('--last='.length) ?? Infinity);
if (!file) {
  process.stderr.write('usage: cpuprofile-top.mjs FILE.cpuprofile [N] [--filter=SUBSTRING]\n');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};

// Sample durations: timeDeltas[i] is the time before sample i.
const self = new Map();
const total = new Map();
let all = 0;
let idle = 0;
const from = (profile.endTime - profile.startTime) / 1000 - last;
let at = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  at += (profile.timeDeltas[i] ?? 0) / 1000;
  if (at < from) continue;
  const node = byId.get(profile.samples[i]);
  all += dt;
  const name = label(node);
  if (name.startsWith('(idle)') || name.startsWith('(program)')) idle += name.startsWith('(idle)') ? dt : 0;
  self.set(name, (self.get(name) ?? 0) + dt);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id));
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + dt);
  }
}
const show = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  const rows = [...map].filter(([l]) => !filter || l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [l, ms] of rows) process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / (all - idle)) * 100).toFixed(1).padStart(5)}%  ${l}\n`);
};
process.stdout.write(`${file}: ${all.toFixed(0)} ms sampled, ${idle.toFixed(0)} ms idle\n`);
show('self time', self);
show('total time', total);

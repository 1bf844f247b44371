// "Did you mean ...?" for every language: the closest candidate by edit distance, if close enough.

export function editDistance(a: string, b: string): number {
  let prev: number[] = new Array(b.length + 1);
  let cur: number[] = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length];
}

/** The candidate nearest to `name`, when at most a third of it (and at least one edit) differs. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    // The length gap is a lower bound of the distance: skip what cannot be within the limit and beat the best.
    if (Math.abs(other.length - lower.length) > Math.min(limit, bestDistance - 1)) continue;
    const d = editDistance(lower, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

// "Did you mean ...?" for every language: the closest candidate by edit distance, if close enough.

/** Levenshtein distance; past `max`, stops early and returns some value above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  let prev: number[] = new Array(b.length + 1);
  let cur: number[] = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = prev[j] + 1;
      const insert = cur[j - 1] + 1;
      const d = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Every later row is at least this row's minimum.
    if (rowMin > max) return rowMin;
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
    // Only a candidate within the limit and nearer than the best matters: the length gap is a lower
    // bound of the distance, and the distance need not be known past that.
    const wanted = Math.min(limit, bestDistance - 1);
    if (Math.abs(other.length - lower.length) > wanted) continue;
    const d = editDistance(lower, other, wanted);
    if (d < bestDistance && d <= wanted) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

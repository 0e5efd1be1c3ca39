/**
 * Edit distance with adjacent transpositions (optimal string alignment,
 * the restricted Damerau–Levenshtein distance).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  // Three rolling rows: two back (for transpositions), previous, current.
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** How far off a typo may be: a third of the word, at least one edit. */
function tolerance(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

function tail(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash < 0 ? id : id.slice(slash + 1);
}

/**
 * The candidate nearest to `input`, or undefined when none is near enough.
 * Compares case-insensitively, both the whole ids and the parts after the
 * last `/` (so `compose/non-root-user` finds `dockerfile/non-root-user`).
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const word = input.toLowerCase();
  const wordTail = tail(word);
  let best: { candidate: string; score: number; whole: number } | undefined;
  for (const candidate of candidates) {
    const cand = candidate.toLowerCase();
    if (cand === word) return candidate;
    const whole = editDistance(word, cand);
    let score = whole <= tolerance(word) ? whole : Infinity;
    if (wordTail !== word || tail(cand) !== cand) {
      const tails = editDistance(wordTail, tail(cand));
      // A near tail with a different prefix is one edit worse than a near whole id.
      if (tails <= tolerance(wordTail)) score = Math.min(score, tails + 1);
    }
    if (score === Infinity) continue;
    if (
      !best ||
      score < best.score ||
      (score === best.score && (whole < best.whole || (whole === best.whole && candidate < best.candidate)))
    ) {
      best = { candidate, score, whole };
    }
  }
  return best?.candidate;
}

/** `; did you mean "x"?` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hit = suggest(input, candidates);
  return hit === undefined ? '' : `; did you mean "${hit}"?`;
}

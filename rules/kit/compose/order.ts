/** Finding the first entry out of order, for the ordering rules. */

/** Indices in the wanted order (a stable sort by `compare`). */
export function sortedOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  return items.map((_, i) => i).sort((a, b) => compare(items[a]!, items[b]!) || a - b);
}

/**
 * The first item that belongs before one written above it, with that item:
 * `{ index, before }` means items[index] should come before items[before].
 */
export function firstOutOfOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): { index: number; before: number } | undefined {
  let max = 0;
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i]!, items[max]!) >= 0) {
      max = i;
      continue;
    }
    // items[i] belongs before the largest so far; name the first item it belongs before.
    for (let j = 0; j < i; j++) if (compare(items[i]!, items[j]!) < 0) return { index: i, before: j };
  }
  return undefined;
}

/** Plain code-point comparison (what "alphabetical" means for keys and service names). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

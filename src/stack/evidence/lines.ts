import type { CommandLine } from './commands.js';

/** A text as numbered lines (1-based), starting at `first`. */
export function numberedLines(text: string, first = 1): CommandLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ text: t, line: first + i }));
}

/**
 * The patterns of `case` statements and which of them can never match
 * because an earlier pattern of the same `case` matches everything they do.
 */
import picomatch from 'picomatch';
import { mayContain, walkNodes } from '../tree.js';
import type { ShellDocument, ShNode } from '../types.js';
import { makeWord } from '../words.js';

export interface CasePattern {
  readonly node: ShNode;
  /** The pattern as the shell matches it; `literal`: every character stands for itself (quoted, or no glob characters). */
  readonly glob: string;
  readonly literal: boolean;
  /** The item ends with `;;&` (bash): later patterns are still tried after it matches. */
  readonly testsOn: boolean;
}

export interface ShadowedPattern {
  readonly pattern: CasePattern;
  /** The earlier pattern that matches every word `pattern` matches. */
  readonly by: CasePattern;
}

/** Characters that make a word a glob pattern. */
export const GLOB_CHARS = /[*?[]/;
/** Shell pattern matching: `*` crosses `/`, no braces, no negation by a leading `!`. */
const MATCH_OPTIONS = { bash: true, dot: true, nobrace: true, nonegate: true, noextglob: true } as const;

/** Patterns later in a `case` that an earlier pattern always takes first, in source order. */
export function shadowedCasePatterns(shell: ShellDocument): ShadowedPattern[] {
  const out: ShadowedPattern[] = [];
  if (!mayContain(shell.root, 'case_statement')) return out;
  walkNodes(shell.root, (n) => {
    if (n.type !== 'case_statement') return;
    const seen: CasePattern[] = [];
    for (const item of n.children.filter((c) => c.type === 'case_item')) {
      const patterns = item.children.filter((c) => c.field === 'value').map((p) => casePattern(p, item));
      for (const p of patterns) {
        if (!p) continue;
        const by = seen.find((earlier) => !earlier.testsOn && covers(earlier, p));
        if (by) out.push({ pattern: p, by });
      }
      // a pattern that is not static (`$x`, `@(…)`) takes nothing from the ones after it
      for (const p of patterns) if (p) seen.push(p);
    }
  });
  return out;
}

function casePattern(node: ShNode, item: ShNode): CasePattern | undefined {
  const testsOn = item.children.some((c) => c.type === ';;&');
  if (node.type === 'string' || node.type === 'raw_string') {
    const value = makeWord(node).value;
    return value === undefined ? undefined : { node, glob: value, literal: true, testsOn };
  }
  if (node.type !== 'word' && node.type !== 'extglob_pattern') return undefined;
  // quotes or escapes inside a word, or extglob groups: leave them alone
  if (/["'\\()]/.test(node.text)) return undefined;
  return { node, glob: node.text, literal: !GLOB_CHARS.test(node.text), testsOn };
}

/** Every word `later` matches, `earlier` matches too (as far as can be known without guessing). */
function covers(earlier: CasePattern, later: CasePattern): boolean {
  if (earlier.literal) return later.literal && earlier.glob === later.glob;
  if (later.literal) return picomatch.isMatch(later.glob, earlier.glob, MATCH_OPTIONS);
  if (earlier.glob === later.glob || earlier.glob === '*') return true;
  // `prefix*` covers any pattern that starts with the same literal prefix
  const star = /^([^*?[]*)\*$/.exec(earlier.glob);
  return star !== null && later.glob.startsWith(star[1]!) && !GLOB_CHARS.test(later.glob.slice(0, star[1]!.length));
}

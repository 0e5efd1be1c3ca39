/**
 * Glob characters a shell word leaves unquoted, which the shell expands
 * against file names before the command sees the word.
 */
import type { ShNode } from '../../../src/parse/shell/types.js';

/** `*`, `?` or a closed `[…]` outside quotes and escapes. */
const GLOB = /[*?]|\[[^\]]*\]/;

/** The unquoted text of a word, escapes removed (`\*` is no glob), quoted parts as blanks. */
function unquotedText(node: ShNode): string {
  if (node.type === 'word') return node.text.replace(/\\./g, ' ');
  if (node.type === 'concatenation') return node.children.map(unquotedText).join('');
  return ' ';
}

/** The word holds an unquoted glob: `foo*`, `^[0-9]+`, `'a'*`. */
export function unquotedGlob(node: ShNode): boolean {
  return GLOB.test(unquotedText(node));
}

/** The word starts with an unquoted `*` or `?`: the names it expands to may start with `-`. */
export function leadingGlob(node: ShNode): boolean {
  return /^[*?]/.test(unquotedText(node));
}

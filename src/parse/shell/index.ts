export type {
  Shebang,
  ShAssignment,
  ShCommand,
  ShellDialect,
  ShellDocument,
  ShellParseOptions,
  ShellParser,
  ShNode,
  ShPipeline,
  ShRedirect,
  ShWord,
} from './types.js';
export { getShellParser, getShellParserSync, findGrammarWasm } from './tree-sitter.js';
export { dialectFromPath, dialectFromShebang, parseShebang } from './document.js';
export { flattenCommands } from './commands.js';
export { checkShellSyntax, type ShellSyntaxError } from './syntax.js';
export {
  findFlag,
  findSubcommand,
  flagValue,
  flagValues,
  hasFlag,
  positionalArgs,
  type FlagValue,
  type PositionalOptions,
} from './flags.js';
export { childByField, findNodes, walkNodes } from './tree.js';
export { evaluateWord, makeWord } from './words.js';

import { getShellParser } from './tree-sitter.js';
import type { ShellDocument, ShellParseOptions } from './types.js';

/** Initialises the parser if needed and parses. */
export async function parseShell(options: ShellParseOptions): Promise<ShellDocument> {
  return (await getShellParser()).parse(options);
}

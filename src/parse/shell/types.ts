import type { Locatable } from '../../core/rule.js';
import type { SourceFile } from '../../core/source.js';

export type ShellDialect = 'bash' | 'sh' | 'dash' | 'ash' | 'ksh' | 'zsh' | 'busybox' | 'unknown';

/**
 * A node of the shell syntax tree, copied out of tree-sitter so it outlives the
 * parse (the tree-sitter tree is deleted right after conversion). `start`/`end`
 * are offsets into the *file* (a Dockerfile for a `RUN` body), so a rule can
 * report a node directly.
 */
export interface ShNode extends Locatable {
  /** tree-sitter node type: `command`, `word`, `string`, `raw_string`, `simple_expansion`, `&&`, … */
  readonly type: string;
  /** Named node (false for punctuation and operators such as `&&`, `|`, `;`). */
  readonly named: boolean;
  /** Field name under the parent (`name`, `argument`, `redirect`, `body`, …) when there is one. */
  readonly field?: string;
  readonly children: readonly ShNode[];
  readonly parent: ShNode | undefined;
  /** The node's source text (from the text that was parsed). */
  readonly text: string;
  /** tree-sitter ERROR node or MISSING node */
  readonly isError: boolean;
  readonly file: SourceFile;
}

/** One word of a simple command (name or argument). */
export interface ShWord extends Locatable {
  readonly node: ShNode;
  /** Source text of the word, quotes included. */
  readonly raw: string;
  /**
   * The word's value when it is fully static: quotes removed, backslash escapes
   * resolved. `undefined` when it contains an expansion or substitution.
   */
  readonly value: string | undefined;
  /** The word contains an expansion (`$x`, `${x}`, `$(…)`, backticks) outside double quotes. */
  readonly hasUnquotedExpansion: boolean;
  /** The word contains any expansion, quoted or not. */
  readonly hasExpansion: boolean;
}

export interface ShRedirect extends Locatable {
  readonly node: ShNode;
  /**
   * The operator token alone, e.g. `>`, `>>`, `&>`, `&>>`, `>|`, `<`, `<<`,
   * `<<-`, `<<<`, `>&`, `<&`, `>&-`. A leading descriptor is not part of it:
   * `2>/dev/null` has operator `>` and `fd` 2.
   */
  readonly operator: string;
  /** The file descriptor written before the operator, when present (`2` in `2>/dev/null`). */
  readonly fd?: number;
  /**
   * The target word: file name, descriptor (`1` in `2>&1`, the operator being
   * `>&`), here-string, or heredoc delimiter (value with quotes removed).
   * Absent for `>&-`.
   */
  readonly target?: ShWord;
  /** For `<<` / `<<-`: the heredoc body node (`heredoc_body`). */
  readonly heredoc?: ShNode;
}

export interface ShAssignment extends Locatable {
  readonly node: ShNode;
  readonly name: string;
  /** The assigned word, absent for `X=` */
  readonly value?: ShWord;
}

/** A simple command, with wrappers such as `sudo` and `env` already looked through. */
export interface ShCommand extends Locatable {
  /** The tree-sitter `command` node */
  readonly node: ShNode;
  /**
   * The command's static name after wrappers (`sudo`, `env`, `command`, `exec`,
   * `nohup`, `time`, `xargs`, `nice`, `doas`) are skipped: `sudo -E apt-get x`
   * has name `apt-get`. `undefined` when the name is dynamic (`$CMD x`).
   */
  readonly name: string | undefined;
  /** The word that holds the name (after wrappers). */
  readonly nameWord: ShWord | undefined;
  /** Arguments after the name (after wrappers). */
  readonly args: readonly ShWord[];
  /** Every word of the command, wrappers included, in order. */
  readonly words: readonly ShWord[];
  /** Wrapper command names looked through, in order, e.g. `['sudo']`. */
  readonly wrappers: readonly string[];
  /** `VAR=value` prefixes (and `env VAR=value` assignments). */
  readonly assignments: readonly ShAssignment[];
  readonly redirects: readonly ShRedirect[];
  /** The pipeline this command is part of, when it is piped (`a | b`). */
  readonly pipeline?: ShPipeline;
  /**
   * The operators that join this command (or its enclosing pipeline) to its
   * neighbours in an and-or list / statement sequence: `&&`, `||`, `;`, `&`, or
   * a newline (`\n`). `undefined` at either end of a list.
   */
  readonly before?: string;
  readonly after?: string;
  /**
   * The commands before/after in the same list or sequence (same level), if
   * any: the commands on the other side of `before`/`after`. For a command in
   * a pipeline these are the pipeline's neighbours (the last command of the
   * previous pipeline, the first of the next); use `pipeline` for the commands
   * piped together. Undefined when the neighbour is not a simple command (an
   * `if`, a `{ … }` group, a subshell, …).
   */
  readonly previous?: ShCommand;
  readonly next?: ShCommand;
  /**
   * Where the command sits: `condition` of an if/while/until, inside `$(…)`,
   * inside a function body, inside a subshell, or after `!`.
   */
  readonly inCondition: boolean;
  readonly inSubstitution: boolean;
  readonly inFunction: boolean;
  /** Inside `( … )` (a subshell; not `$(…)`, see `inSubstitution`). */
  readonly inSubshell: boolean;
  readonly negated: boolean;
  /** For `sh -c '…'`, `bash -c "…"` with a static script: the commands parsed from that string. */
  readonly inner?: readonly ShCommand[];
  /** For a command from `inner`: the `sh -c` command whose script it was parsed from. */
  readonly outer?: ShCommand;
}

export interface ShPipeline extends Locatable {
  readonly node: ShNode;
  readonly commands: readonly ShCommand[];
  /** `|` or `|&` between commands; `operators[i]` joins commands[i] and commands[i+1]. */
  readonly operators: readonly string[];
}

export interface Shebang extends Locatable {
  /** `/bin/bash`, `/usr/bin/env` … as written */
  readonly path: string;
  /** The interpreter's base name, resolving `/usr/bin/env [-S] bash` to `bash` */
  readonly interpreter: string;
  /** Arguments after the interpreter, e.g. `['-e']` for `#!/bin/bash -e` */
  readonly args: readonly string[];
}

export interface ShellDocument {
  readonly file: SourceFile;
  /** The text that was parsed (for a `RUN` body: the body with comment lines blanked). */
  readonly text: string;
  /** Offset in `file.text` at which `text` starts. */
  readonly baseOffset: number;
  readonly dialect: ShellDialect;
  readonly shebang?: Shebang;
  readonly root: ShNode;
  /** Every simple command, nested ones included, in source order. */
  readonly commands: readonly ShCommand[];
  readonly comments: readonly ShNode[];
  /** tree-sitter found ERROR or MISSING nodes somewhere. */
  readonly hasErrors: boolean;
  /** Set when the script nests too deep to be walked: `root` is then an empty program and the script goes unchecked. */
  readonly tooComplex?: TooComplex;
}

/** Why a text is not linted although it parses (too deep, too large), and where. */
export interface TooComplex {
  /** Says what is too much, with the limit. */
  readonly message: string;
  /** File offset of the place that is too much. */
  readonly offset: number;
}

/** The initialised parser (see `getShellParser()`); `parse` is synchronous. */
export interface ShellParser {
  parse(options: ShellParseOptions): ShellDocument;
}

export interface ShellParseOptions {
  file: SourceFile;
  /** Text to parse; defaults to `file.text`. */
  text?: string;
  /** Offset of `text` inside `file.text`; defaults to 0. */
  baseOffset?: number;
  /** Overrides the dialect found from the shebang. */
  dialect?: ShellDialect;
}

/** Shell scripts: `*.sh`, `*.bash`, and extension-less files with a sh-family shebang. */
import type { ComposeDocument } from '../../parse/compose/document.js';
import type { ComposeShellString } from '../../parse/compose/shell-strings.js';
import type { DfInstruction, DockerfileDocument } from '../../parse/dockerfile/types.js';
import type { ShellDocument } from '../../parse/shell/types.js';
import type { CommentInfo, FileKindPlugin } from '../types.js';

const SHELL_EXT = /\.(?:sh|bash)$/i;
const SHEBANG = /^#![ \t]*(?:\/usr\/bin\/env[ \t]+(?:-S[ \t]+)?)?(?:\/\S*\/)?(?:sh|bash|dash|ash|ksh|busybox[ \t]+sh)(?:[ \t]|$)/;

export interface ShellFields {
  readonly shell: ShellDocument;
  /** Set when the script is a Dockerfile `RUN` body (only for rules with `meta.runBodies`). */
  readonly run?: { readonly dockerfile: DockerfileDocument; readonly instruction: DfInstruction };
  /**
   * Set when the script is a compose file's shell string (`command: ["sh", "-c", …]`, a `CMD-SHELL`
   * healthcheck; only for rules with `meta.runBodies`). The script's nodes and `file` are then the
   * script's own text, as the shell sees it; findings are moved into the compose file by the engine.
   */
  readonly composeScript?: { readonly compose: ComposeDocument; readonly string: ComposeShellString; readonly image?: string };
}

export const shellKind: FileKindPlugin<'shell', ShellDocument, ShellFields> = {
  name: 'shell',
  noun: 'shell script',
  exampleName: 'script.sh',
  inlineComments: true,
  peer: 'shellcheck',
  readForPlanning: true,
  fromName: (basename) => SHELL_EXT.test(basename),
  fromShebang: (firstLine) => SHEBANG.test(firstLine),
  async parse(source, io) {
    const parser = await io.shellParser();
    // a shebang always decides; without one, the .shellcheckrc's shell= does, as in ShellCheck
    const dialect = io.defaultShellDialect && !source.text.startsWith('#!') ? { dialect: io.defaultShellDialect } : {};
    return { doc: parser.parse({ file: source, ...dialect }), problems: [] };
  },
  async lint(file, run) {
    if (file.doc.tooComplex) run.tooComplex(file.doc.tooComplex);
    await run.shellSyntax(file.doc);
    for (const rule of run.rules.shell) run.runRule(rule, { shell: file.doc });
  },
  shellScripts: (doc) => [doc],
  directives: (source, doc) => ({
    comments: shellComments(doc),
    ...(doc ? { firstCommandLine: firstCommandLine(doc) ?? source.lines.lineCount + 1 } : {}),
  }),
};

/** A script's comments (text after the `#`). */
function shellComments(doc: ShellDocument | undefined): CommentInfo[] {
  return (doc?.comments ?? []).map((c) => ({ start: c.start, end: c.end, text: c.text.replace(/^#/, '') }));
}

/**
 * Line of a script's first command (its first top-level node that is not a
 * comment): ShellCheck applies a directive written above it to the whole file.
 */
function firstCommandLine(doc: ShellDocument): number | undefined {
  const first = doc.root.children.find((n) => n.named && n.type !== 'comment');
  return first && doc.file.lines.position(first.start).line;
}

import { basename } from 'node:path';
import { baseImageFacts, declaresDialect, defineRule, findBashisms, isSourcedByOther, type ShellContext, type ShellDocument } from '../kit/index.js';

/** Extensions of files that are meant to be run as scripts. */
const SCRIPT_EXTENSION = /\.(?:sh|bash|ksh|dash|ash)$/i;
/** Commands a sourced library runs at top level (definitions and settings, nothing else). */
const LIBRARY_COMMANDS = new Set([
  'set',
  'shopt',
  'export',
  'readonly',
  'declare',
  'typeset',
  'local',
  'alias',
  'unset',
  'source',
  '.',
  'trap',
  'umask',
  ':',
  'true',
]);
/** Images whose `/bin/sh` is busybox ash, which accepts most of bash's syntax. */
const ASH_IMAGE = /(?:^|[/:@-])(?:alpine|busybox)(?:$|[:@/.\d-])/i;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/shebang',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'A script starts with a shebang, and a `#!/bin/sh` script uses no bash-only syntax',
    runBodies: true,
    compat: {
      shellcheck: [
        'SC2148',
        'SC2113',
        'SC3001',
        'SC3003',
        'SC3004',
        'SC3005',
        'SC3006',
        'SC3008',
        'SC3009',
        'SC3010',
        'SC3011',
        'SC3014',
        'SC3020',
        'SC3024',
        'SC3028',
        'SC3029',
        'SC3030',
        'SC3039',
        'SC3044',
        'SC3046',
        'SC3053',
        'SC3054',
        'SC3057',
        'SC3059',
        'SC3060',
      ],
    },
  },
  check(ctx) {
    const { shell } = ctx;
    if (!ctx.run && !ctx.composeScript) checkShebangLine(shell, ctx);
    if (shell.dialect !== 'sh' && shell.dialect !== 'dash') return;
    let where: string;
    let fix: string;
    if (ctx.run) {
      // a RUN body (or a heredoc without its own #! line) runs under the stage's SHELL, /bin/sh by default
      const stage = ctx.run.instruction.stage;
      const images = [] as string[];
      for (let s = stage; s; s = s.parent) images.push(s.resolvedImage);
      if (!shell.shebang && images.some((i) => ASH_IMAGE.test(i))) return; // busybox ash runs it
      where = shell.shebang
        ? `the heredoc runs under ${shebangText(shell)} (dash on Debian and Ubuntu)`
        : 'RUN runs it with /bin/sh -c (dash on Debian and Ubuntu images)';
      fix = 'write POSIX sh or set SHELL ["/bin/bash", "-c"]';
    } else if (ctx.composeScript) {
      // a compose shell string: `sh -c …`, or a healthcheck compose runs with /bin/sh -c
      // only where the service's image is known to be one whose /bin/sh is not busybox ash (which reads many bashisms)
      const { string, image } = ctx.composeScript;
      const facts = image ? baseImageFacts(image) : undefined;
      if (!facts || facts.complete || /alpine|busybox/.test(facts.label) || ASH_IMAGE.test(image!)) return;
      where = string.key === 'healthcheck' ? 'the healthcheck runs with /bin/sh -c (dash on Debian and Ubuntu images)' : `the ${string.key} runs it with sh -c (dash on Debian and Ubuntu images)`;
      fix = 'write POSIX sh or run it with bash -c';
    } else {
      where = `the script runs under ${shebangText(shell)} (dash on Debian and Ubuntu)`;
      fix = 'write POSIX sh or change the shebang to bash';
    }
    for (const b of findBashisms(shell)) {
      ctx.report({ node: b, compat: b.code, message: `${b.what}: bash-only syntax, but ${where}; ${fix}` });
    }
  },
});

function shebangText(shell: ShellDocument): string {
  return shell.shebang ? shell.file.text.slice(shell.shebang.start, shell.shebang.end).trim() : '/bin/sh';
}

function checkShebangLine(shell: ShellDocument, ctx: ShellContext): void {
  const text = shell.file.text;
  if (shell.shebang) {
    // `#!/usr/bin/env bash -e`: Linux hands env the single argument "bash -e", which is no program
    const sb = shell.shebang;
    const words = text.slice(sb.start + 2, sb.end).trim().split(/\s+/);
    if (basename(words[0] ?? '') === 'env' && words.length > 2 && !words.slice(1).some((w) => /^-[^-]*S/.test(w) || w.startsWith('--split-string'))) {
      ctx.report({
        node: sb,
        message: `"${words.slice(1).join(' ')}" reaches env as one argument on Linux, so the script does not start; use "#!/usr/bin/env -S ${words.slice(1).join(' ')}" or set the options inside the script`,
      });
    }
    return;
  }
  const path = shell.file.path;
  if (!SCRIPT_EXTENSION.test(path)) return;
  const late = /^(?:[ \t]*\r?\n)*[ \t]*#!/.exec(text);
  if (late) {
    const at = late[0].length - 2;
    ctx.report({ range: { start: at, end: lineEnd(text, at) }, message: 'the #! line is not the first line of the file, so the kernel ignores it; move it to the very start' });
    return;
  }
  if (isLibrary(shell)) return;
  const firstLineEnd = lineEnd(text, 0);
  const bash = shell.dialect === 'bash' || findBashisms(shell).length > 0;
  const line = bash ? '#!/usr/bin/env bash' : '#!/bin/sh';
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  ctx.report({
    range: { start: 0, end: firstLineEnd },
    compat: 'SC2148',
    message: `${basename(path)} has no shebang, so it runs under whatever shell starts it; begin it with "${line}"`,
    suggestions: [{ description: `insert "${line}" as the first line`, edits: [{ start: 0, end: 0, text: `${line}${nl}` }] }],
  });

  function isLibrary(doc: ShellDocument): boolean {
    if (declaresDialect(doc)) return true;
    const runs = doc.commands.some((c) => !c.inFunction && !c.outer && !(c.name !== undefined && LIBRARY_COMMANDS.has(c.name)));
    return !runs || isSourcedByOther(doc, ctx.stack);
  }
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  const end = i < 0 ? text.length : i;
  return text[end - 1] === '\r' ? end - 1 : end;
}

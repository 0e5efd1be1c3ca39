import { basename } from 'node:path';
import {
  defineRule,
  dockerCall,
  findCommandSecrets,
  flagValues,
  flattenCommands,
  type ShCommand,
  type ShellContext,
  type ShWord,
  type TextEdit,
} from '../kit/index.js';

/** Registry clients with docker's `login -p` / `--password-stdin`. */
const OTHER_CLIENTS = new Set(['buildah', 'skopeo']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-password-argument',
    kind: 'shell',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Passwords and tokens are not put on command lines: `docker login` reads the password from standard input, and `mysql -p…`, `curl -u user:pass` and `Authorization` headers are not written out',
    runBodies: true,
    tags: ['security'],
    securitySeverity: 7.5,
  },
  check(ctx) {
    for (const cmd of flattenCommands(ctx.shell.commands)) {
      const login = loginView(cmd);
      if (login) checkLogin(ctx, cmd, login);
      else checkWrittenCredentials(ctx, cmd);
    }
  },
});

/** `docker login -p …`: the password on the command line, literal or from a variable. */
function checkLogin(ctx: ShellContext, cmd: ShCommand, login: { name: string; view: ShCommand }): void {
  for (const pw of flagValues(login.view, '-p', '--password')) {
    const flagText = pw.flag.value ?? pw.flag.raw;
    const flagName = flagText.startsWith('--') ? '--password' : '-p';
    const suggestions = [];
    // `-p "$SECRET"` / `--password=$SECRET`: offer the stdin form with the same variable
    const variable = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(ctx.file.text.slice(pw.start, pw.end))?.[1];
    if (variable && !cmd.pipeline && !cmd.outer) {
      const edits: TextEdit[] = [
        { start: cmd.start, end: cmd.start, text: `printf '%s\\n' "$${variable}" | ` },
        { start: pw.flag.start, end: pw.end, text: '--password-stdin' },
      ];
      suggestions.push({ description: `pipe $${variable} to ${login.name} --password-stdin`, edits });
    }
    // A password written out (not read from a variable or a command) is a secret in the file.
    const literal = !/[$`]/.test(ctx.file.text.slice(pw.start, pw.end));
    ctx.report({
      range: { start: pw.flag.start, end: pw.end },
      ...(literal ? { secrets: [{ start: pw.start, end: pw.end }] } : {}),
      message: `${login.name} ${flagName} puts the password on the command line, where process lists, shell history and CI logs can read it; pipe it in with --password-stdin`,
      ...(suggestions.length ? { suggestions } : {}),
    });
  }
}

/** `mysql -pPASSWORD`, `curl -u user:PASSWORD`, `curl -H 'Authorization: Bearer TOKEN'`: credentials written into the script. */
function checkWrittenCredentials(ctx: ShellContext, cmd: ShCommand): void {
  if (!cmd.nameWord) return;
  const words = [cmd.nameWord, ...cmd.args];
  // A word with an expansion is not a literal credential.
  for (const found of findCommandSecrets(words.map((w) => w.value ?? '$'))) {
    const word = words[found.index]!;
    const secret = sourceSpan(word, found.start, found.end);
    ctx.report({
      range: { start: word.start, end: word.end },
      secrets: [secret],
      message: `${found.option} puts ${found.what} on the command line, where process lists, shell history and CI logs can read it; read it from a file or the environment instead`,
    });
  }
}

/** Where `[start, end)` of a word's value is in the source: found in the word's text when it occurs there once, else the whole word. */
function sourceSpan(word: ShWord, start: number, end: number): { start: number; end: number } {
  const piece = word.value!.slice(start, end);
  const at = word.raw.indexOf(piece);
  if (at >= 0 && word.raw.indexOf(piece, at + 1) < 0) return { start: word.start + at, end: word.start + at + piece.length };
  return { start: word.start, end: word.end };
}

/** `docker login …` (any engine), `helm registry login`, `buildah login`, `skopeo login`: the options after `login`. */
function loginView(cmd: ShCommand): { name: string; view: ShCommand } | undefined {
  const call = dockerCall(cmd);
  if (call && !call.compose && call.subcommand === 'login') return { name: `${call.tool} login`, view: call.view };
  const name = cmd.name && basename(cmd.name);
  if (!name) return undefined;
  if (OTHER_CLIENTS.has(name) && cmd.args[0]?.value === 'login') return { name: `${name} login`, view: { ...cmd, args: cmd.args.slice(1) } };
  if (name === 'helm' && cmd.args[0]?.value === 'registry' && cmd.args[1]?.value === 'login') {
    return { name: 'helm registry login', view: { ...cmd, args: cmd.args.slice(2) } };
  }
  return undefined;
}

import { basename } from 'node:path';
import { defineRule } from '../../src/engine/define.js';
import type { TextEdit } from '../../src/engine/diagnostic.js';
import { flattenCommands } from '../../src/parse/shell/commands.js';
import { dockerCall } from '../../src/parse/shell/docker.js';
import { flagValues } from '../../src/parse/shell/flags.js';
import type { ShCommand } from '../../src/parse/shell/types.js';

/** Registry clients with docker's `login -p` / `--password-stdin`. */
const OTHER_CLIENTS = new Set(['buildah', 'skopeo']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-password-argument',
    kind: 'shell',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: '`docker login` reads the password from standard input, not from `-p`/`--password`',
    runBodies: true,
    tags: ['security'],
    securitySeverity: 7.5,
  },
  check(ctx) {
    for (const cmd of flattenCommands(ctx.shell.commands)) {
      const login = loginView(cmd);
      if (!login) continue;
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
        ctx.report({
          range: { start: pw.flag.start, end: pw.end },
          message: `${login.name} ${flagName} puts the password on the command line, where process lists, shell history and CI logs can read it; pipe it in with --password-stdin`,
          ...(suggestions.length ? { suggestions } : {}),
        });
      }
    }
  },
});

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

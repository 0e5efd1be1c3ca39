import { basename } from 'node:path';
import { defineRule, flagValues, flattenCommands, hasFlag, positionalArgs, type ShCommand, type ShWord } from '../kit/index.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh']);
const INTERPRETERS = new Set(['python', 'perl', 'ruby', 'node', 'php']);
/** Shell options that take a separate value. */
const SHELL_OPTIONS_WITH_VALUE = ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'];

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-curl-pipe-shell',
    kind: 'shell',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Code downloaded with curl or wget is not piped straight into a shell or interpreter',
    runBodies: true,
    tags: ['security'],
    securitySeverity: 8.0,
  },
  check(ctx) {
    const commands = flattenCommands(ctx.shell.commands);
    const reported = new Set<ShCommand>();
    const report = (runner: ShCommand, downloader: ShCommand, how: string): void => {
      if (reported.has(runner)) return;
      reported.add(runner);
      ctx.report({
        node: runner,
        message: `${how} ${basename(downloader.name ?? '')} into ${basename(runner.name ?? '')} runs whatever the server sends, unverified; download to a file, check its checksum or signature, then run it`,
      });
    };

    for (const cmd of commands) {
      // curl … | sh
      const pipeline = cmd.pipeline;
      if (pipeline && readsScriptFromStdin(cmd)) {
        const index = pipeline.commands.indexOf(cmd);
        const downloader = pipeline.commands.slice(0, index).find(writesDownloadToStdout);
        if (downloader) report(cmd, downloader, 'piping');
      }
      // bash <(curl …), source <(curl …), sh -c "$(curl …)", eval "$(curl …)"
      const name = runnerName(cmd);
      const runsArgument =
        SHELLS.has(name) || INTERPRETERS.has(name) || cmd.name === 'source' || cmd.name === '.' || cmd.name === 'eval';
      if (!runsArgument) continue;
      for (const arg of cmd.args) {
        if (!/\$\(|<\(|`/.test(arg.raw)) continue;
        const downloader = commands.find((d) => d.start >= arg.start && d.end <= arg.end && writesDownloadToStdout(d));
        if (downloader) report(cmd, downloader, 'feeding the output of');
      }
    }
  },
});

function runnerName(cmd: ShCommand): string {
  if (!cmd.name) return '';
  const base = basename(cmd.name);
  if (base === 'busybox') return cmd.args[0]?.value ?? base;
  if (/^python[\d.]*$/.test(base)) return 'python';
  return base.replace(/[\d.]+$/, '');
}

/** curl without an output file, or wget with `-O -`: the download goes to standard output. */
function writesDownloadToStdout(cmd: ShCommand): boolean {
  const name = cmd.name && basename(cmd.name);
  if (name === 'curl') {
    if (hasFlag(cmd, '-O', '--remote-name', '--remote-name-all')) return false;
    const outputs = flagValues(cmd, '-o', '--output');
    return outputs.length === 0 || outputs.some((o) => o.value === '-' || o.value === '/dev/stdout');
  }
  if (name === 'wget') {
    // `-O -`, `-O-`, `-qO-`, `-qO -`, `--output-document=-`
    const args = cmd.args.map((a) => a.value ?? a.raw);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') break;
      let value: string | undefined;
      const short = /^-[A-Za-z]*O(.*)$/.exec(a);
      if (short) value = short[1] !== '' ? short[1] : args[i + 1];
      else if (a === '--output-document') value = args[i + 1];
      else if (a.startsWith('--output-document=')) value = a.slice('--output-document='.length);
      if (value === '-' || value === '/dev/stdout') return true;
    }
    return false;
  }
  return false;
}

/** A shell or interpreter that takes its program from standard input: `sh`, `bash -s -- -y`, `python3 -`. */
function readsScriptFromStdin(cmd: ShCommand): boolean {
  const name = runnerName(cmd);
  const args: readonly ShWord[] = basename(cmd.name ?? '') === 'busybox' ? cmd.args.slice(1) : cmd.args;
  const view = { ...cmd, args };
  if (SHELLS.has(name)) {
    if (hasFlag(view, '-c')) return false;
    if (hasFlag(view, '-s')) return true;
    const operands = positionalArgs(view, { withValue: SHELL_OPTIONS_WITH_VALUE });
    return operands.length === 0 || operands[0]!.value === '-' || operands[0]!.value === '/dev/stdin';
  }
  if (INTERPRETERS.has(name)) {
    if (hasFlag(view, '-c', '-e', '-E', '-r', '-m', '--eval', '--print')) return false;
    const operands = positionalArgs(view);
    return operands.length === 0 || operands[0]!.value === '-' || operands[0]!.value === '/dev/stdin';
  }
  return false;
}

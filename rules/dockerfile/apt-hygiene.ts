import {
  cacheMountFor,
  defineRule,
  packageCommands,
  runInstructions,
  type PackageCommand,
  type RunInstruction,
  type ShellDocument,
  type TextEdit,
} from '../kit/index.js';

/** apt subcommands apt-get also has, so `apt x` can become `apt-get x`. */
const APT_GET_SUBCOMMANDS = new Set([
  'install', 'reinstall', 'remove', 'purge', 'autoremove', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'clean',
  'autoclean', 'build-dep', 'source', 'download', 'check', 'satisfy',
]);
const LISTS = '/var/lib/apt/lists';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/apt-hygiene',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'unsafe',
    summary:
      '`apt-get install` uses `-y` and `--no-install-recommends` after an `apt-get update` in the same `RUN`, which ends by removing `/var/lib/apt/lists/*`',
    recommended: false,
    compat: { hadolint: ['DL3009', 'DL3014', 'DL3015', 'DL3027'] },
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    const text = ctx.file.text;
    const imageStages = new Set(doc.imageStages);
    for (const run of runInstructions(doc)) {
      const apt = packageCommands(run.commands).filter((p) => p.manager === 'apt-get' || p.manager === 'apt');
      if (!apt.length) continue;
      const updates = apt.filter((p) => p.action === 'update-index' && !simulates(p));

      for (const p of apt) {
        const sub = p.subcommandWord;
        if (p.manager === 'apt') reportApt(p);
        if (!sub || simulates(p)) continue;
        const prompts = p.action === 'install' || p.action === 'remove' || p.action === 'upgrade';
        if (prompts && !assumesYes(p)) {
          ctx.report({
            node: sub,
            compat: 'DL3014',
            message: `${p.manager} ${p.subcommand} without -y stops at its confirmation prompt, which a build cannot answer`,
            fix: { description: 'add -y', edits: [{ start: sub.end, end: sub.end, text: ' -y' }] },
          });
        }
        if (p.subcommand === 'install' && !noRecommends(p)) {
          // before the first package when it is on the subcommand's line, else at the end of that line's words
          const first = p.packages[0]?.word;
          const sameLine = (a: number, b: number) => !/\n/.test(text.slice(a, b));
          const onSubLine = p.view.args.filter((w) => w.start >= sub.start && (!first || w.start < first.start) && sameLine(sub.end, w.start));
          const edit: TextEdit =
            first && sameLine(sub.end, first.start)
              ? { start: first.start, end: first.start, text: '--no-install-recommends ' }
              : { start: onSubLine.at(-1)!.end, end: onSubLine.at(-1)!.end, text: ' --no-install-recommends' };
          ctx.report({
            node: sub,
            compat: 'DL3015',
            message: `${p.manager} install without --no-install-recommends also installs every recommended package, which the image rarely needs`,
            fix: { description: 'add --no-install-recommends', edits: [edit] },
          });
        }
        if (p.action === 'install' && !updates.some((u) => u.command.start < p.command.start)) {
          ctx.report({
            range: { start: p.toolWord.start, end: sub.end },
            message: `${p.manager} ${p.subcommand} has no ${p.manager} update before it in the same RUN, so it installs from whatever package index an earlier, cached layer left behind`,
            ...updateFix(p),
          });
        }
      }

      // The lists matter in the layers of the image (and in every image an ONBUILD runs in).
      const inImage = run.onbuild || (run.stage !== undefined && imageStages.has(run.stage));
      const update = updates[0];
      if (inImage && update && !cleansLists(run, apt) && !cacheMountFor(run, LISTS)) {
        ctx.report({
          range: { start: update.toolWord.start, end: update.subcommandWord!.end },
          compat: 'DL3009',
          message: `this RUN downloads the package index with ${update.manager} update but does not remove ${LISTS}/* at its end, so the index stays in the image`,
          ...cleanupFix(run, update),
        });
      }
    }

    function reportApt(p: PackageCommand): void {
      const word = p.toolWord;
      const sub = p.subcommand;
      if (sub !== undefined && !APT_GET_SUBCOMMANDS.has(sub)) {
        ctx.report({ node: word, compat: 'DL3027', message: `apt is meant for interactive use and its output and options may change; use apt-cache ${sub} in a Dockerfile` });
        return;
      }
      const fixable = word.raw === 'apt' && sub !== 'full-upgrade';
      ctx.report({
        node: word,
        compat: 'DL3027',
        message: 'apt is meant for interactive use and its command line is not stable for scripts; use apt-get in a Dockerfile',
        ...(fixable ? { fix: { description: 'use apt-get', edits: [{ start: word.start, end: word.end, text: 'apt-get' }] } } : {}),
      });
    }

    /** `apt-get update && ` before the install, when that keeps the list's meaning. */
    function updateFix(p: PackageCommand) {
      const cmd = p.command;
      const prefix = text.slice(cmd.start, p.toolWord.end);
      const safeBefore = cmd.before === undefined || cmd.before === '&&' || cmd.before === ';' || cmd.before === '\n';
      if (cmd.pipeline || cmd.negated || cmd.inSubstitution || cmd.inCondition || !safeBefore || /[\n\\]/.test(prefix)) return {};
      return { fix: { description: `run ${p.manager} update first`, edits: [{ start: cmd.start, end: cmd.start, text: `${prefix} update && ` }] } };
    }

    /** Appends the removal of the lists to the end of the script that runs the update. */
    function cleanupFix(run: RunInstruction, update: PackageCommand) {
      const script = run.scripts.find((s) => s.baseOffset <= update.command.start && update.command.start < s.baseOffset + s.text.length);
      const end = script && lastStatementEnd(script);
      if (end === undefined) return {};
      const heredoc = run.run.argsSpan !== undefined && script!.baseOffset !== run.run.argsSpan.start;
      const edit = heredoc ? `\nrm -rf ${LISTS}/*` : ` && rm -rf ${LISTS}/*`;
      return { fix: { description: `remove ${LISTS}/* at the end of the RUN`, edits: [{ start: end, end, text: edit }] } };
    }
  },
});

/** `-s`, `--simulate`, `--dry-run`…: apt-get only prints what it would do. */
function simulates(p: PackageCommand): boolean {
  return p.hasFlag('-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act');
}

function assumesYes(p: PackageCommand): boolean {
  if (p.hasFlag('-y', '--yes', '--assume-yes', '--force-yes', '-qq', '--quiet=2', '-q=2')) return true;
  // -q given twice is -qq, which implies -y
  if (p.view.args.filter((w) => w.value === '-q' || w.value === '--quiet').length >= 2) return true;
  if (p.flagValues('-o', '--option').some((v) => /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(v.value ?? ''))) return true;
  // yes | apt-get install …
  return p.command.pipeline?.commands.some((c) => c.name === 'yes' && c.start < p.command.start) ?? false;
}

function noRecommends(p: PackageCommand): boolean {
  if (p.hasFlag('--no-install-recommends')) return true;
  return p.flagValues('-o', '--option').some((v) => /^APT::Install-Recommends=(0|false|no)$/i.test(v.value ?? ''));
}

/** An `rm` of `/var/lib/apt/lists` (or a folder holding it) after the last apt command of the RUN. */
function cleansLists(run: RunInstruction, apt: readonly PackageCommand[]): boolean {
  const last = Math.max(...apt.filter((p) => p.action === 'update-index' || p.action === 'install').map((p) => p.command.start));
  return run.commands.some(
    (c) =>
      c.name === 'rm' &&
      c.start > last &&
      c.args.some((a) => {
        const v = (a.value ?? a.raw).replace(/["']/g, '').replace(/\/\*?$/, '');
        return v === LISTS || v === '/var/lib/apt' || v === '/var/lib/apt/lists/*';
      }),
  );
}

/** The file offset where the last statement of a script ends (before a trailing `;`, comment or blank). */
function lastStatementEnd(script: ShellDocument): number | undefined {
  const statements = script.root.children.filter((c) => c.named && c.type !== 'comment');
  const last = statements.at(-1);
  if (!last || last.isError) return undefined;
  // heredoc bodies live inside their redirect: end before the body
  return last.type === 'redirected_statement' && last.children.some((c) => c.type === 'heredoc_redirect') ? undefined : last.end;
}


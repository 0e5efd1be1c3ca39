import { copyArgs, defineRule, packageCommands, runInstructions, type DfStage } from '../kit/index.js';

/** Lockfiles `npm ci` installs from. */
const LOCKFILE = /(?:^|\/)(?:package-lock|npm-shrinkwrap)\.json$|(?:^|\/)package\*\.json$/;

export default defineRule({
  meta: {
    id: 'dockerfile/npm-ci',
    kind: 'dockerfile',
    category: 'builds',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'An image build installs a project\'s npm dependencies with `npm ci`, not `npm install`, once it copies the lockfile',
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      if (!view.stage || !copiesLockfile(view.stage, view.run.start)) continue;
      for (const pkg of packageCommands(view.commands)) {
        if (pkg.manager !== 'npm' || pkg.action !== 'install' || pkg.global || pkg.packages.length > 0) continue;
        const sub = pkg.subcommandWord;
        // `npm add` names packages; `install`, its alias `i` and npm's own typo alias install the lockfile's tree.
        if (!sub || !['install', 'i', 'isntall'].includes(sub.value ?? '')) continue;
        ctx.report({
          node: sub,
          message: `npm ${sub.value} resolves the dependency ranges of package.json again and may rewrite the lockfile, so two builds can install different versions; npm ci installs exactly the lockfile the stage copies, and fails when it is out of date`,
          fix: { description: `replace "npm ${sub.value}" with "npm ci"`, edits: [{ start: sub.start, end: sub.end, text: 'ci' }] },
        });
      }
    }
  },
});

/** The stage copies a lockfile before `offset`: `package-lock.json`, `npm-shrinkwrap.json`, or the `package*.json` pattern meant to bring it. */
function copiesLockfile(stage: DfStage, offset: number): boolean {
  return stage.instructions.some((ins) => ins.start < offset && (ins.keyword === 'COPY' || ins.keyword === 'ADD') && copyArgs(ins).sources.some((w) => LOCKFILE.test(w.value)));
}

import { basename } from 'node:path';
import {
  defineRule,
  isArtifactImage,
  lastUser,
  packageCommands,
  runInstructions,
  runsAsNonRoot,
  type DfInstruction,
  type DfStage,
} from '../kit/index.js';

/** Programs an entrypoint uses to drop from root to another user at start-up. */
const STEP_DOWN = new Set(['gosu', 'su-exec', 'setpriv', 'chpst', 's6-setuidgid', 'runuser']);

/** Base images that already run as an unprivileged user. */
const NON_ROOT_BASE = [/(^|[:\-_/])nonroot([:\-_@]|$)/i, /(^|\/)bitnami\//i, /unprivileged/i, /^cgr\.dev\//i, /rootless/i];

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/non-root-user',
    kind: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'The final image switches to a non-root `USER`',
    compat: { hadolint: ['DL3002'] },
    recommended: false,
    tags: ['security'],
    securitySeverity: 6.0,
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    const final = doc.finalStage;
    if (!final) return;
    // Every compose service built from this file runs it as a non-root `user:`.
    const built = ctx.stack.servicesBuiltFrom(doc);
    if (built.length && built.every((b) => runsAsNonRoot(b.project, b.service))) return;
    const chain = doc.imageStages;
    // Files carried out of the build on scratch, with nothing to run: no process, no user.
    if (isArtifactImage(chain)) return;
    const user = lastUser(chain);
    if (user) {
      const arg = user.args[0];
      const value = arg?.value ?? '';
      const name = value.split(':')[0]!;
      if (arg && (name === 'root' || name === '0')) {
        ctx.report({
          node: arg,
          compat: 'DL3002',
          message: `the last USER of the final image is "${value}", so the container runs as root; switch to an unprivileged user once the steps that need root are done`,
        });
      }
      return;
    }
    const base = chain.at(-1)!;
    if (NON_ROOT_BASE.some((re) => re.test(base.resolvedImage))) return;
    if (stepsDown(chain)) return;
    ctx.report({
      range: final.imageSpan ?? final.from.keywordSpan,
      message: 'the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER',
    });
  },
});

/** The image drops privileges itself at start-up: it installs or runs gosu / su-exec or the like, or its entrypoint calls one. */
function stepsDown(chain: readonly DfStage[]): boolean {
  for (const stage of chain) {
    for (const run of runInstructions(stage)) {
      if (run.commands.some((c) => c.name !== undefined && STEP_DOWN.has(basename(c.name)))) return true;
      if (packageCommands(run.commands).some((p) => p.action === 'install' && p.packages.some((a) => STEP_DOWN.has(a.name)))) return true;
    }
    for (const ins of stage.instructions) {
      if ((ins.keyword === 'ENTRYPOINT' || ins.keyword === 'CMD') && ins.args.some((a) => STEP_DOWN.has(basename(a.value.replace(/[[\]",]/g, ''))))) return true;
    }
  }
  return false;
}

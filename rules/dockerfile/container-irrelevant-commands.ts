import { defineRule, runInstructions } from '../kit/index.js';

/** Commands that make no sense while building an image: interactive tools, process and system control. */
const IRRELEVANT: Record<string, string> = {
  ssh: 'opens a remote session',
  vim: 'is an interactive editor',
  shutdown: 'would stop a machine, not a build step',
  service: 'starts a daemon that does not survive the build step',
  ps: 'lists processes of a throwaway build container',
  free: 'reports memory of a throwaway build container',
  top: 'is an interactive process viewer',
  kill: 'signals processes of a throwaway build container',
  mount: 'needs privileges a build step does not have, and its mounts vanish with the step',
  ifconfig: 'configures a network that only exists for the build step',
};

export default defineRule({
  meta: {
    id: 'dockerfile/container-irrelevant-commands',
    kind: 'dockerfile',
    category: 'best-practice',
    severity: 'info',
    fix: 'none',
    summary: '`RUN` does not call commands that make no sense in an image build (`ssh`, `vim`, `service`, `shutdown`, …)',
    compat: { hadolint: ['DL3001'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      for (const cmd of view.commands) {
        const base = cmd.name?.split('/').pop();
        if (!base || !cmd.nameWord || !Object.hasOwn(IRRELEVANT, base)) continue;
        ctx.report({ node: cmd.nameWord, message: `"${base}" ${IRRELEVANT[base]}; it has no place in a RUN step` });
      }
    }
  },
});

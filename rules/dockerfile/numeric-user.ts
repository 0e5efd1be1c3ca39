import { defineRule, instructionWords, isWindowsStage, type DfInstruction } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/numeric-user',
    kind: 'dockerfile',
    category: 'security',
    severity: 'info',
    fix: 'none',
    summary: '`USER` names a numeric UID (and GID), which the host and Kubernetes can check',
    recommended: false,
    compat: { hadolint: ['DL3066'] },
    // Low: a named user is already unprivileged; the number only lets admission checks prove it.
    securitySeverity: 2.0,
  },
  check(ctx) {
    const check = (ins: DfInstruction): void => {
      // Windows users are names (ContainerUser, ContainerAdministrator): there are no numeric UIDs.
      if (ins.keyword !== 'USER' || (ins.stage && isWindowsStage(ctx.dockerfile, ins.stage))) return;
      const word = instructionWords(ins)[0];
      if (!word || word.value.includes('$')) return;
      const [user, group] = word.value.split(':');
      if (/^\d+$/.test(user ?? '') && (group === undefined || /^\d+$/.test(group))) return;
      ctx.report({
        node: word,
        message: `USER ${word.value} is a name: only the image's /etc/passwd can resolve it, so runAsNonRoot checks and host-side tools cannot tell whether it is root; use the numeric UID${group === undefined ? '' : ':GID'}`,
      });
    };
    for (const ins of ctx.dockerfile.instructions) {
      check(ins);
      if (ins.trigger) check(ins.trigger);
    }
  },
});

import { defineRule, properties, type DfInstruction } from '../kit/index.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key guidelines, or undefined when it follows them. */
function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.some((p) => key.startsWith(p))) return `uses the namespace ${RESERVED.find((p) => key.startsWith(p))!.slice(0, -1)}, which Docker reserves`;
  if (/[^a-z0-9.-]/.test(key)) return 'has characters other than lower-case letters, digits, "." and "-"';
  if (!/^[a-z]/.test(key)) return 'does not start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'does not end with a lower-case letter or digit';
  if (/\.\.|--/.test(key)) return 'has consecutive separators';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'dockerfile/label-key-format',
    kind: 'dockerfile',
    category: 'style',
    severity: 'info',
    fix: 'none',
    summary: 'Label keys follow Docker\'s format: lower-case letters, digits, `.` and `-`, outside the reserved namespaces',
    compat: { hadolint: ['DL3048'] },
  },
  check(ctx) {
    const checkLabels = (ins: DfInstruction): void => {
      if (ins.keyword !== 'LABEL') return;
      for (const p of properties(ins)) {
        if (p.name.includes('$')) continue;
        const problem = labelKeyProblem(p.name);
        if (problem) ctx.report({ range: p.nameSpan, message: `label key "${p.name}" ${problem}` });
      }
    };
    for (const ins of ctx.dockerfile.instructions) {
      checkLabels(ins);
      if (ins.trigger) checkLabels(ins.trigger);
    }
  },
});

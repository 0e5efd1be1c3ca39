import { defineRule, exposedPorts, type DfInstruction } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/expose-format',
    kind: 'dockerfile',
    category: 'style',
    severity: 'warning',
    fix: 'safe',
    summary: '`EXPOSE` names container ports with a lower-case protocol, without host addresses or host ports',
    compat: { buildkit: ['ExposeInvalidFormat', 'ExposeProtoCasing'] },
  },
  check(ctx) {
    const check = (ins: DfInstruction): void => {
      if (ins.keyword !== 'EXPOSE') return;
      for (const p of exposedPorts(ins)) {
        if (p.dynamic) continue;
        if (p.port.includes(':')) {
          ctx.report({
            node: p.word,
            message: `EXPOSE ${p.word.value} maps a host address or port; EXPOSE only documents the container port (publish with docker run -p or compose ports:), and BuildKit will reject this form`,
          });
        }
        if (p.protocol && p.protocol !== p.protocol.toLowerCase()) {
          ctx.report({
            range: p.protocolSpan ?? p.word,
            message: `protocol "${p.protocol}" in EXPOSE ${p.word.value} should be lower-case`,
            ...(p.protocolSpan
              ? { fix: { description: 'lower-case the protocol', edits: [{ ...p.protocolSpan, text: p.protocol.toLowerCase() }] } }
              : {}),
          });
        }
      }
    };
    for (const ins of ctx.dockerfile.instructions) {
      check(ins);
      if (ins.trigger) check(ins.trigger);
    }
  },
});

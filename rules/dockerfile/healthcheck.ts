import path from 'node:path';
import { defineRule, type DfStage } from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/healthcheck',
    kind: 'dockerfile',
    category: 'reliability',
    severity: 'info',
    fix: 'none',
    summary: 'An image of a long-running service declares `HEALTHCHECK`, unless every compose service built from it has a healthcheck',
    recommended: false,
    compat: { hadolint: ['DL3057'] },
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    const final = doc.finalStage;
    if (!final) return;
    const chain = doc.imageStages;
    const has = (keyword: string) => chain.some((s: DfStage) => s.instructions.some((i) => i.keyword === keyword));
    if (has('HEALTHCHECK')) return; // `HEALTHCHECK NONE` is a decision too
    // Only images that run something: a CMD/ENTRYPOINT or an EXPOSEd port of their own,
    // and not a base image whose CMD is a bare interpreter or shell (`CMD ["node"]`).
    if (!has('CMD') && !has('ENTRYPOINT') && !has('EXPOSE')) return;
    if (!has('EXPOSE') && interactiveDefault(chain)) return;
    // The compose services built from this file (every project and environment, through the stack model).
    const services = ctx.stack.servicesBuiltFrom(doc).map((b) => ({ name: b.service.name, healthcheck: b.service.get('healthcheck') !== undefined }));
    if (services.length && services.every((s) => s.healthcheck)) return;
    const without = [...new Set(services.filter((s) => !s.healthcheck).map((s) => `"${s.name}"`))];
    ctx.report({
      range: final.imageSpan ?? final.from.keywordSpan,
      message:
        'the image declares no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one' +
        (without.length ? ` (compose service${without.length > 1 ? 's' : ''} ${without.join(', ')} built from it ha${without.length > 1 ? 've' : 's'} none either)` : ''),
    });
  },
});

/** Interpreters and shells: as the whole CMD they open a prompt rather than run a service. */
const INTERACTIVE = new Set(['node', 'python', 'python3', 'python2', 'pypy', 'pypy3', 'bash', 'sh', 'ash', 'zsh', 'irb', 'ruby', 'php', 'php-cli', 'jshell', 'ghci', 'iex', 'erl', 'r', 'julia', 'pwsh', 'lua', 'perl']);

function interactiveDefault(chain: readonly DfStage[]): boolean {
  for (const stage of chain) {
    const cmd = [...stage.instructions].reverse().find((i) => i.keyword === 'CMD');
    if (!cmd) continue;
    const words = cmd.execForm ? jsonWords(cmd.argsText) : cmd.args.map((a) => a.value);
    return words?.length === 1 && INTERACTIVE.has(path.basename(words[0]!).toLowerCase());
  }
  return false;
}

function jsonWords(text: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

import { copyArgs, defineRule, flagValue, hasFlag, positionalArgs, runInstructions, type ShCommand } from '../kit/index.js';

/** Archives `ADD` unpacks by itself: tar, plain or compressed with gzip, bzip2 or xz. */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;

const baseName = (p: string): string => p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? p;

export default defineRule({
  meta: {
    id: 'dockerfile/add-for-archives',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'info',
    fix: 'none',
    summary: 'A local tar archive that is copied only to be unpacked is added with `ADD`, which unpacks it in one layer',
    compat: { hadolint: ['DL3010'] },
  },
  check(ctx) {
    const runs = runInstructions(ctx.dockerfile).filter((v) => !v.onbuild);
    for (const stage of ctx.dockerfile.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY' || ins.flags.some((f) => f.name === 'from')) continue;
        const { sources, dest, heredoc } = copyArgs(ins);
        if (heredoc || !dest) continue;
        for (const src of sources) {
          if (!TAR_ARCHIVE.test(src.value) || src.value.includes('$')) continue;
          const names = new Set([baseName(src.value)]);
          if (!/[\\/]$/.test(dest.value) && TAR_ARCHIVE.test(dest.value)) names.add(baseName(dest.value));
          const extract = runs
            .filter((r) => r.stage === stage && r.run.start > ins.end)
            .flatMap((r) => r.commands)
            .find((c) => extractsOneOf(c, names));
          if (!extract) continue;
          const line = ctx.file.lines.position(extract.start).line;
          ctx.report({
            node: src,
            message: `"${src.value}" is copied and then unpacked with tar on line ${line}; ADD unpacks a local tar archive itself, without keeping the archive in a layer`,
          });
        }
      }
    }
  },
});

/** `tar -xf <archive>` / `tar xzf …` / `tar --extract --file=…` whose archive has one of the base names. */
function extractsOneOf(cmd: ShCommand, names: Set<string>): boolean {
  if (cmd.name?.split('/').pop() !== 'tar') return false;
  const first = cmd.args[0]?.value ?? '';
  const extracting = hasFlag(cmd, '-x', '--extract', '--get') || /^[a-zA-Z]*x[a-zA-Z]*$/.test(first);
  if (!extracting) return false;
  const archives = [flagValue(cmd, '-f', '--file')?.value, ...positionalArgs(cmd).map((w) => w.value)];
  if (/^[a-zA-Z]*f[a-zA-Z]*$/.test(first) && !first.startsWith('-')) archives.push(cmd.args[1]?.value);
  return archives.some((a) => a !== undefined && names.has(baseName(a)));
}

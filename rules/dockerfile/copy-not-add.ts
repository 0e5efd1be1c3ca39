import { defineRule, type DfInstruction } from '../kit/index.js';

/**
 * Local files `ADD` may unpack: tar archives, optionally compressed. BuildKit
 * tells a tar by its content, so a file named only for its compression
 * (`rootfs.gz`, `data.xz`) may be one: ADD and COPY may differ there.
 */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|z)|tgz|tbz2?|tb2|txz|tzst|tlz|taz|tpz|gz|bz2|xz|zst|lzma)$/i;
/** Sources `ADD` fetches: URLs and Git repositories. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** `ADD` options `COPY` does not have. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/copy-not-add',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`ADD` of local files that are not archives is written `COPY`',
    compat: { hadolint: ['DL3020'] },
  },
  check(ctx) {
    for (const written of ctx.dockerfile.instructions) {
      const ins = written.trigger ?? written;
      if (ins.keyword !== 'ADD') continue;
      const sources = sourcesOf(ins);
      if (!sources || sources.length === 0) continue;
      if (sources.some((s) => s.includes('$') || REMOTE.test(s) || ARCHIVE.test(s))) continue;
      if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase()))) continue;
      const keyword = ins.keywordText;
      const copy = keyword === keyword.toLowerCase() ? 'copy' : keyword === keyword.toUpperCase() ? 'COPY' : 'Copy';
      ctx.report({
        range: ins.keywordSpan,
        message: `ADD of local ${sources.length > 1 ? 'files' : `"${sources[0]}"`} does nothing COPY would not; COPY says so plainly, while ADD also fetches URLs and unpacks archives`,
        fix: { description: `replace ${keyword} with ${copy}`, edits: [{ start: ins.keywordSpan.start, end: ins.keywordSpan.end, text: copy }] },
      });
    }
  },
});

/** The source paths of an ADD (all arguments but the destination); undefined for a heredoc ADD. */
function sourcesOf(ins: DfInstruction): string[] | undefined {
  if (/^\s*<</.test(ins.argsText)) return undefined;
  let args = ins.args.map((a) => a.value);
  if (ins.execForm || /^\s*\[/.test(ins.argsText)) {
    try {
      const parsed: unknown = JSON.parse(ins.argsText);
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
      args = parsed as string[];
    } catch {
      return undefined;
    }
  }
  return args.length >= 2 ? args.slice(0, -1) : undefined;
}

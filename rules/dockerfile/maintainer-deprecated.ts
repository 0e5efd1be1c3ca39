import { defineRule } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/maintainer-deprecated',
    kind: 'dockerfile',
    category: 'deprecated',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`MAINTAINER` is replaced by the `org.opencontainers.image.authors` label',
    compat: { hadolint: ['DL4000'], buildkit: ['MaintainerDeprecated'] },
  },
  check(ctx) {
    for (const ins of ctx.dockerfile.instructions) {
      if (ins.keyword !== 'MAINTAINER') continue;
      const author = ins.argsText.replace(/\\\r?\n\s*/g, ' ').trim();
      const simple = author && !ins.argsText.includes('\n');
      ctx.report({
        range: ins.keywordSpan,
        message: 'MAINTAINER is deprecated; set the author with LABEL org.opencontainers.image.authors instead',
        ...(simple
          ? {
              fix: {
                description: 'replace with LABEL org.opencontainers.image.authors',
                edits: [{ start: ins.start, end: ins.end, text: `${ins.keywordText === ins.keywordText.toLowerCase() ? 'label' : 'LABEL'} org.opencontainers.image.authors=${JSON.stringify(author.replace(/^(["'])(.*)\1$/, '$2'))}` }],
              },
            }
          : {}),
      });
    }
  },
});

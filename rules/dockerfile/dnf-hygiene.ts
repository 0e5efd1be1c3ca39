import { checkRpmHygiene, defineRule } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/dnf-hygiene',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`dnf` runs non-interactively (`-y`) and `dnf`/`microdnf` caches are cleaned in the same `RUN` (`dnf clean all`)',
    compat: { hadolint: ['DL3038', 'DL3040'] },
  },
  check(ctx) {
    // microdnf never asks; dnf and yum do.
    checkRpmHygiene(ctx, { managers: ['dnf', 'microdnf'], prompting: ['dnf'], cache: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'], codes: { prompt: 'DL3038', cache: 'DL3040' } });
  },
});

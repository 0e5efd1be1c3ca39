import { checkRpmHygiene, defineRule } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/yum-hygiene',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`yum` runs non-interactively (`-y`) and its cache is cleaned in the same `RUN` (`yum clean all`)',
    compat: { hadolint: ['DL3030', 'DL3032'] },
  },
  check(ctx) {
    checkRpmHygiene(ctx, { managers: ['yum'], prompting: ['yum'], cache: ['/var/cache/yum'], codes: { prompt: 'DL3030', cache: 'DL3032' } });
  },
});

import { defineRule } from '../kit/index.js';

const REDUNDANT = /^(["']?)\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})\1$/;

export default defineRule({
  meta: {
    id: 'dockerfile/from-platform-flag',
    kind: 'dockerfile',
    category: 'portability',
    severity: 'warning',
    fix: 'safe',
    summary: '`FROM --platform` is neither a constant (which pins the build to one platform) nor the redundant `$TARGETPLATFORM`',
    compat: { hadolint: ['DL3029', 'DL3065'], buildkit: ['FromPlatformFlagConstDisallowed', 'RedundantTargetPlatform'] },
  },
  check(ctx) {
    const text = ctx.file.text;
    // A global `ARG TARGETPLATFORM=…` with a default replaces the target platform in `$TARGETPLATFORM`
    // (BuildKit gives a meta ARG's default precedence over its own value): the flag then chooses another platform.
    const targetRedefined = ctx.dockerfile.globalArgs.get('TARGETPLATFORM') !== undefined;
    for (const stage of ctx.dockerfile.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!flag || flag.value === undefined || !flag.valueSpan) continue;
      const raw = text.slice(flag.valueSpan.start, flag.valueSpan.end);
      if (REDUNDANT.test(raw)) {
        if (targetRedefined) continue;
        let end = flag.end;
        while (text[end] === ' ' || text[end] === '\t') end++;
        ctx.report({
          range: flag,
          compat: 'DL3065',
          message: '--platform=$TARGETPLATFORM is the default for FROM, so the flag is redundant',
          fix: { description: 'remove the flag', edits: [{ start: flag.start, end, text: '' }] },
        });
        continue;
      }
      if (flag.value.includes('$')) continue;
      const [os = '', arch = ''] = flag.value.toLowerCase().split('/');
      const name = stage.name ?? '';
      // A stage named for its platform (build_amd64) is a deliberate per-platform stage.
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue;
      ctx.report({
        range: flag,
        compat: 'DL3029',
        message: `FROM --platform=${flag.value} pins this stage to one platform, so the Dockerfile cannot build multi-platform images; drop the flag (pass --platform to the build) or use $BUILDPLATFORM`,
      });
    }
  },
});

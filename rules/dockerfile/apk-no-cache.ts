import { cacheMountFor, defineRule, packageCommands, runInstructions } from '../kit/index.js';

const APK_CACHE = ['/var/cache/apk', '/etc/apk/cache'];

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/apk-no-cache',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`apk add` uses `--no-cache`',
    recommended: false,
    compat: { hadolint: ['DL3019'] },
  },
  check(ctx) {
    for (const run of runInstructions(ctx.dockerfile)) {
      if (cacheMountFor(run, ...APK_CACHE)) continue;
      const apk = packageCommands(run.commands).filter((p) => p.manager === 'apk');
      for (const p of apk) {
        const sub = p.subcommandWord;
        if (p.action !== 'install' || !sub || p.hasFlag('--no-cache')) continue;
        // `apk update && apk add … && rm -rf /var/cache/apk/*` leaves nothing behind either
        const cleaned = run.commands.some(
          (c) => c.name === 'rm' && c.start > p.command.start && c.args.some((a) => /^\/var\/cache\/apk(\/\*?)?$/.test(a.value ?? '')),
        );
        if (cleaned) continue;
        ctx.report({
          node: sub,
          message: 'apk add without --no-cache keeps the package index in /var/cache/apk, in the layer and in the image',
          fix: { description: 'add --no-cache', edits: [{ start: sub.end, end: sub.end, text: ' --no-cache' }] },
        });
      }
    }
  },
});

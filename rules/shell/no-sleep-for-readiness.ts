import { defineRule, dockerCall, findFlag, flattenCommands, hasFlag, type ShCommand } from '../kit/index.js';

/** Commands that may sit between `up -d` and the `sleep` without changing the picture (log lines). */
const QUIET = new Set(['echo', 'printf', ':', 'true', 'log', 'info']);
/** How many commands after `up -d` are looked at. */
const WINDOW = 4;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-sleep-for-readiness',
    kind: 'shell',
    category: 'compose',
    severity: 'warning',
    fix: 'none',
    summary: '`docker compose up -d` is not followed by a fixed `sleep` to wait for services',
  },
  check(ctx) {
    for (const cmd of flattenCommands(ctx.shell.commands)) {
      const call = dockerCall(cmd);
      if (!call?.compose || call.subcommand !== 'up') continue;
      const detach = findFlag(call.view, '-d', '--detach');
      if (!detach || hasFlag(call.view, '--wait')) continue;
      const sleep = sleepAfter(cmd);
      if (!sleep) continue;
      const duration = sleep.args[0]?.raw ?? '';
      const insertAt = detach.end;
      ctx.report({
        node: sleep,
        message: `"sleep ${duration}" after "${call.standaloneCompose ? 'docker-compose' : 'docker compose'} up ${detach.raw}" waits a fixed time, not until the services are ready; use "docker compose up -d --wait" with healthchecks`,
        suggestions: [{ description: 'wait for healthy services with --wait', edits: [{ start: insertAt, end: insertAt, text: ' --wait' }] }],
      });
    }
  },
});

/** The `sleep` among the next few commands at the same level, past log lines only. */
function sleepAfter(up: ShCommand): ShCommand | undefined {
  let c = up.next;
  for (let i = 0; c && i < WINDOW; i++, c = c.next) {
    if (c.name === 'sleep') return c.args.length > 0 ? c : undefined;
    if (!c.name || !QUIET.has(c.name)) return undefined;
  }
  return undefined;
}

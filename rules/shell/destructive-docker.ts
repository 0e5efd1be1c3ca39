import {
  defineRule,
  dockerCall,
  enclosingControls,
  findFlag,
  flattenCommands,
  type DockerCall,
  type Locatable,
  type ShCommand,
} from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/destructive-docker',
    kind: 'shell',
    category: 'data',
    severity: 'warning',
    fix: 'none',
    summary: 'Commands that delete Docker volumes or prune the system run only behind an explicit guard',
  },
  check(ctx) {
    for (const cmd of flattenCommands(ctx.shell.commands)) {
      const call = dockerCall(cmd);
      if (!call) continue;
      const danger = destructive(call);
      if (!danger || isGuarded(cmd)) continue;
      ctx.report({
        node: danger.node,
        message: `${danger.what} ${danger.effect}; run it only behind a guard (a confirmation prompt, a --force option, an if) or suppress this line with a reason`,
      });
    }
  },
});

interface Danger {
  node: Locatable;
  what: string;
  effect: string;
}

function destructive(call: DockerCall): Danger | undefined {
  const compose = call.standaloneCompose ? 'docker-compose' : `${call.tool} compose`;
  if (call.compose) {
    if (call.subcommand !== 'down') return undefined;
    const flag = findFlag(call.view, '-v', '--volumes');
    return flag ? { node: flag, what: `"${compose} down ${flag.raw}"`, effect: 'deletes the named volumes of the project and the data in them' } : undefined;
  }
  const sub = call.subcommand;
  const word = call.subcommandWord;
  if (!word) return undefined;
  if (sub === 'volume' && (call.action === 'rm' || call.action === 'remove' || call.action === 'prune')) {
    const all = call.action === 'prune' && findFlag(call.actionView, '-a', '--all');
    return {
      node: spanOf(word, call.actionWord!),
      what: `"${call.tool} volume ${call.action}"`,
      effect: call.action === 'prune' ? `deletes ${all ? 'every unused volume' : 'unused anonymous volumes'} and their data` : 'deletes the volumes and the data in them',
    };
  }
  if (sub === 'system' && call.action === 'prune') {
    const volumes = findFlag(call.actionView, '--volumes');
    return {
      node: spanOf(word, call.actionWord!),
      what: `"${call.tool} system prune"`,
      effect: volumes
        ? 'deletes stopped containers, unused networks, images, build cache and unused volumes with their data'
        : 'deletes every stopped container, unused network, dangling image and the build cache on the host',
    };
  }
  return undefined;
}

function spanOf(a: Locatable, b: Locatable): Locatable {
  return { start: a.start, end: b.end, ...(a.file ? { file: a.file } : {}) };
}

/**
 * Run only under a condition: in the body of an `if`/`case`/loop over a
 * condition, or after `&&` / `||` (`[ "$FORCE" = yes ] && docker volume rm …`).
 * Not a guard: `a && b`, where the command is on the left, or a `for` loop.
 */
function isGuarded(cmd: ShCommand): boolean {
  if (cmd.before === '&&' || cmd.before === '||') return true;
  return enclosingControls(cmd).some((n) => n.type !== 'for_statement' && n.type !== 'c_style_for_statement');
}

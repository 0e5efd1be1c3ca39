import { basename } from 'node:path';
import { defineRule, flattenCommands } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/compose-v2',
    kind: 'shell',
    category: 'compose',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Scripts run Compose as `docker compose`, not the end-of-life `docker-compose`',
    runBodies: true,
  },
  check(ctx) {
    for (const cmd of flattenCommands(ctx.shell.commands)) {
      const word = cmd.nameWord;
      if (!word || cmd.name === undefined || basename(cmd.name) !== 'docker-compose') continue;
      // only a plain word can be replaced as text (`"docker-compose"` or `d\ocker-compose` are left alone)
      const fixable = word.raw === cmd.name;
      ctx.report({
        node: word,
        message: '`docker-compose` is Compose v1, which reached end of life in 2023; use the Compose v2 plugin, `docker compose`',
        ...(fixable
          ? { fix: { description: 'replace "docker-compose" with "docker compose"', edits: [{ start: word.start, end: word.end, text: 'docker compose' }] } }
          : {}),
      });
    }
  },
});

import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/sensitive-mounts-readonly';

describe(RULE, () => {
  it('reports writable bind mounts of key material and configuration', async () => {
    const found = await findings(RULE, ['compose/sensitive-mounts-readonly/bad']);
    expect(found.map(brief)).toEqual([
      'compose/sensitive-mounts-readonly/bad/compose.yaml:5:9-5:49 compose/sensitive-mounts-readonly',
      'compose/sensitive-mounts-readonly/bad/compose.yaml:6:9-6:57 compose/sensitive-mounts-readonly',
      'compose/sensitive-mounts-readonly/bad/compose.yaml:7:9-7:46 compose/sensitive-mounts-readonly',
      'compose/sensitive-mounts-readonly/bad/compose.yaml:9:17-9:31 compose/sensitive-mounts-readonly',
      'compose/sensitive-mounts-readonly/bad/compose.yaml:14:9-14:73 compose/sensitive-mounts-readonly',
      'compose/sensitive-mounts-readonly/bad/compose.yaml:15:9-15:32 compose/sensitive-mounts-readonly',
    ]);
    expect(found[0]!.message).toBe(
      'service "nginx" mounts configuration ./nginx/nginx.conf writable; add :ro so the container can read it but not change it',
    );
    expect(found[5]!.message).toBe('service "processor" mounts key material ${HOME}/.aws writable; add :ro so the container can read it but not change it');
  });

  it('adds :ro (or ,ro after other options, or read_only: true) and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/sensitive-mounts-readonly/bad']);
    const { text, after } = await fixAndRelint(RULE, 'compose/sensitive-mounts-readonly/bad', found);
    expect(text).toMatchInlineSnapshot(`
      "services:
        nginx:
          image: nginx:1.27
          volumes:
            - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro
            - "./certs/server.key:/etc/ssl/private/server.key:ro"
            - ./nginx/api-conf:/etc/nginx/conf.d/:z,ro
            - type: bind
              source: ./certbot/conf
              target: /etc/letsencrypt
              read_only: true
        processor:
          image: acme/processor:1.0.0
          volumes:
            - ~/.ssh/processing-to-storage:/tmp/ssh-keys/processing-to-storage:ro
            - \${HOME}/.aws:/root/.aws:ro
      "
    `);
    expect(after).toEqual([]);
  });

  it("accepts the seed's read-only mounts, deliberate :rw, named volumes and application state", async () => {
    expect(await findings(RULE, ['compose/sensitive-mounts-readonly/good'])).toEqual([]);
  });
});

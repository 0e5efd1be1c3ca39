import { describe, expect, it } from 'vitest';
import sensitiveMountsReadonly from '../../../rules/compose/sensitive-mounts-readonly.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/sensitive-mounts-readonly', () => {
  it('reports writable bind mounts of key material and configuration, and adds :ro (or ,ro after other options, or read_only: true)', async () => {
    await new RuleTester(sensitiveMountsReadonly).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./nginx/nginx.conf:/etc/nginx/nginx.conf
      - "./certs/server.key:/etc/ssl/private/server.key"
      - ./nginx/api-conf:/etc/nginx/conf.d/:z
      - type: bind
        source: ./certbot/conf
        target: /etc/letsencrypt
  processor:
    image: acme/processor:1.0.0
    volumes:
      - ~/.ssh/processing-to-storage:/tmp/ssh-keys/processing-to-storage
      - \${HOME}/.aws:/root/.aws
`,
          errors: [
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 49,
              message: 'service "nginx" mounts configuration ./nginx/nginx.conf writable; add :ro so the container can read it but not change it',
            },
            { line: 6, column: 9, endLine: 6, endColumn: 57 },
            { line: 7, column: 9, endLine: 7, endColumn: 46 },
            { line: 9, column: 17, endLine: 9, endColumn: 31 },
            { line: 14, column: 9, endLine: 14, endColumn: 73 },
            { line: 15, column: 9, endLine: 15, endColumn: 32, message: 'service "processor" mounts key material ${HOME}/.aws writable; add :ro so the container can read it but not change it' },
          ],
          output: `services:
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
`,
        },
      ],
    });
    expect(sensitiveMountsReadonly.meta.fix).toBe('unsafe');
  });

  it('accepts read-only mounts, deliberate :rw, named volumes and application state', async () => {
    await new RuleTester(sensitiveMountsReadonly).run({
      valid: [
        `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./nginx/api-conf:/etc/nginx/conf.d/:ro
      - ./certbot/conf:/etc/nginx/ssl/:ro
      - ./certbot/www:/var/www/certbot:ro
  processor:
    image: acme/processor:1.0.0
    volumes:
      - ~/.ssh/processing-to-storage:/tmp/ssh-keys/processing-to-storage:ro
      - ~/.ssh/processing-to-storage.pub:/tmp/ssh-keys/processing-to-storage.pub:ro
      - ~/.ssh/authorized_keys:/home/dendro/.ssh/authorized_keys:ro
      - /data:/data
      - ./assets:/app/assets
  certbot:
    image: certbot/certbot:v2.11.0
    volumes:
      - ./certbot/www/:/var/www/certbot/:rw
      - ./certbot/conf/:/etc/letsencrypt:rw
  proxy:
    image: nginx:1.27
    volumes:
      - type: bind
        source: ./proxy/nginx.conf
        target: /etc/nginx/conf.d/default.conf
        read_only: true
  wireguard:
    image: linuxserver/wireguard:1.0.20210914
    volumes:
      - /usr/share/appdata/wireguard/config:/config
      - certs:/etc/ssl/certs
volumes:
  certs:
`,
      ],
    });
  });
});

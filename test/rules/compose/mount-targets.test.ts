import { describe, it } from 'vitest';
import mountTargets from '../../../rules/compose/mount-targets.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/mount-targets', () => {
  it('reports the later of two mounts at one container path, whatever their kinds', async () => {
    await new RuleTester(mountTargets).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  db:',
            '    image: postgres:16.4',
            '    volumes:',
            '      - db-data:/var/lib/postgresql/data',
            '      - ./backup:/var/lib/postgresql/data/',
            '    tmpfs:',
            '      - /run',
            '      - /run:size=64m',
            '  app:',
            '    image: shop/app:1.0.0',
            '    volumes:',
            '      - type: bind',
            '        source: ./secrets',
            '        target: /run/secrets/api_key',
            '    secrets: [api_key]',
            'volumes:',
            '  db-data:',
            'secrets:',
            '  api_key:',
            '    file: ./api_key.txt',
            '',
          ].join('\n'),
          errors: [
            {
              line: 6,
              column: 9,
              endLine: 6,
              endColumn: 43,
              message: 'service "db" mounts a volume at /var/lib/postgresql/data, where a volume is already mounted (line 5); Docker refuses two mounts at one path',
            },
            { line: 9, column: 9, endLine: 9, endColumn: 22, message: 'service "db" mounts a tmpfs at /run, where a tmpfs is already mounted (line 8); Docker refuses two mounts at one path' },
            {
              line: 16,
              column: 15,
              endLine: 16,
              endColumn: 22,
              message: 'service "app" mounts a secret at /run/secrets/api_key, where a volume is already mounted (line 13); Docker refuses two mounts at one path',
            },
          ],
        },
      ],
    });
  });

  it('accepts distinct paths, and an override replacing a mount at the same path', async () => {
    await new RuleTester(mountTargets).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  db:',
            '    image: postgres:16.4',
            '    volumes:',
            '      - db-data:/var/lib/postgresql/data',
            '      - ./init:/docker-entrypoint-initdb.d:ro',
            '    tmpfs: /run',
            '  app:',
            '    image: shop/app:1.0.0',
            '    secrets:',
            '      - api_key',
            '      - source: api_key',
            '        target: /etc/app/key',
            'volumes:',
            '  db-data:',
            'secrets:',
            '  api_key:',
            '    file: ./api_key.txt',
            '',
          ].join('\n'),
          // Same target as compose.yaml: the override replaces the mount, it does not add one.
          files: { 'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - ./dev-data:/var/lib/postgresql/data\n' },
        },
      ],
    });
  });
});

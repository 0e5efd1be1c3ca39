import { describe, it } from 'vitest';
import noDebugInProduction from '../../../rules/compose/no-debug-in-production.js';
import { RuleTester } from '../../../src/testing.js';

const RULE = 'compose/no-debug-in-production';

/** Seed 000's production API and nginx. */
const production = [
  'services:',
  '  api:',
  '    build:',
  '      context: .',
  '      dockerfile: api/Dockerfile',
  '    restart: unless-stopped',
  '    ports:',
  '      - 127.0.0.1:40831:40831',
  '    environment:',
  '      UVICORN_ROOT_PATH: /api/v1',
  '      UVICORN_PORT: 40831',
  '      UVICORN_HOST: 0.0.0.0',
  '      DEV_MODE: false',
  '      DEBUG: "false"',
  '      NODE_ENV: production',
  '    command: gunicorn --bind 0.0.0.0:8000 --workers 4 --worker-class gevent app:app',
  '  nginx:',
  '    build:',
  '      context: ./nginx/api-conf',
  '    restart: unless-stopped',
  '    ports:',
  '      - 80:80',
  '      - 443:443',
  '    volumes:',
  '      - ./nginx/api-conf:/etc/nginx/conf.d/:ro',
  '      - ./certbot/conf:/etc/nginx/ssl/:ro',
  '      - ./app/nginx.conf:/app/nginx.conf:ro',
  '',
].join('\n');
const live = 'services:\n  api:\n    image: acme/api:1.0.0\n    ports:\n      - "4000:4000"\n      - "5678:5678"\n';

describe(RULE, () => {
  it('reports debugger ports, debug switches, reloading servers and source mounts in a *prod* file', async () => {
    await new RuleTester(noDebugInProduction).run({
      invalid: [
        {
          filename: 'docker-compose.prod.yml',
          code: [
            'services:',
            '  api:',
            '    image: acme/api:1.0.0',
            '    ports:',
            '      - "127.0.0.1:40831:40831"',
            '      - "5679:5679"  # API debug',
            '    environment:',
            '      DEV_MODE: "true"',
            '      DEBUG: 1',
            '      NODE_ENV: development',
            '    command: uvicorn api.main:app --host 0.0.0.0 --port 40831 --reload',
            '    volumes:',
            '      - ./api:/app/api',
            '      - ./shared:/app/shared',
            '  node:',
            '    image: node:20.17-alpine',
            '    command: ["node", "--inspect=0.0.0.0:9229", "server.js"]',
            '    ports:',
            '      - target: 9229',
            '        published: 9229',
            '',
          ].join('\n'),
          errors: [
            { line: 6, column: 9, endLine: 6, endColumn: 20, message: 'service "api" publishes debugger port 5679 in a production file; debuggers run arbitrary code for whoever connects' },
            { line: 8, column: 17, endLine: 8, endColumn: 23, message: 'service "api" sets DEV_MODE=true in a production file; debug modes leak stack traces and internals' },
            { line: 9, column: 14, endLine: 9, endColumn: 15, message: 'service "api" sets DEBUG=1 in a production file; debug modes leak stack traces and internals' },
            { line: 10, column: 17, endLine: 10, endColumn: 28, message: 'service "api" sets NODE_ENV=development in a production file; debug modes leak stack traces and internals' },
            { line: 11, column: 63, endLine: 11, endColumn: 71, message: 'service "api" runs "--reload" in its command in a production file; that is a development server or debugger' },
            {
              line: 13,
              column: 9,
              endLine: 13,
              endColumn: 23,
              message: 'service "api" bind-mounts source code ./api over /app/api in a production file; production runs the code baked into the image',
            },
            {
              line: 14,
              column: 9,
              endLine: 14,
              endColumn: 29,
              message: 'service "api" bind-mounts source code ./shared over /app/shared in a production file; production runs the code baked into the image',
            },
            {
              line: 17,
              column: 24,
              endLine: 17,
              endColumn: 46,
              message: 'service "node" runs "--inspect=0.0.0.0:9229" in its command in a production file; that is a development server or debugger',
            },
            { line: 20, column: 20, endLine: 20, endColumn: 24, message: 'service "node" publishes debugger port 9229 in a production file; debuggers run arbitrary code for whoever connects' },
          ],
        },
      ],
    });
  });

  it('treats the base file of a layered project as production, and leaves its development override alone', async () => {
    await new RuleTester(noDebugInProduction).run({
      invalid: [
        {
          filename: 'docker-compose.yml',
          code: 'services:\n  api:\n    image: acme/api:1.0.0\n    volumes:\n      - .:/app\n      - postgres_data:/var/lib/postgresql/data\nvolumes:\n  postgres_data:\n',
          files: {
            // Hot reload and source mounts belong here.
            'docker-compose.dev.yml':
              'services:\n  api:\n    build:\n      target: development\n    volumes:\n      - .:/app\n      - ~/.config/aws:/root/.aws:ro\n    command: uvicorn src.main:app --host 0.0.0.0 --port 8000 --reload\n    environment:\n      - DEBUG=true\n',
          },
          errors: [
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 15,
              message:
                'service "api" bind-mounts source code . over /app in the base file of a layered project, which is what production runs; production runs the code baked into the image',
            },
          ],
        },
      ],
    });
  });

  it('leaves a folder of operator-supplied settings mounted into the app folder alone', async () => {
    // The base file of a layered project mounts a settings folder its entrypoint copies into the app's settings.
    await new RuleTester(noDebugInProduction).run({
      valid: [
        {
          filename: 'docker-compose.yml',
          code: 'services:\n  uwsgi:\n    image: acme/django:1.0.0\n    volumes:\n      - type: bind\n        source: ./docker/extra_settings\n        target: /app/docker/extra_settings\n      - ./config:/app/config\n',
          files: { 'docker-compose.override.dev.yml': 'services:\n  uwsgi:\n    environment:\n      DD_DEBUG: "True"\n' },
        },
      ],
    });
  });

  it('checks the prod environment as compose merges it, reporting what it keeps from the base file there, and leaves dev alone', async () => {
    await new RuleTester(noDebugInProduction).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    image: acme/api:1.0.0',
            '    environment:',
            '      DEBUG: "true"          # compose.prod.yaml switches it off',
            '  web:',
            '    image: acme/web:1.0.0',
            '    volumes:',
            '      - ./web:/app           # compose.prod.yaml keeps it',
            '',
          ].join('\n'),
          files: {
            'compose.prod.yaml': 'services:\n  api:\n    environment:\n      DEBUG: "false"\n  web:\n    ports:\n      - "127.0.0.1:9229:9229"\n',
            'compose.dev.yaml': 'services:\n  api:\n    ports:\n      - "127.0.0.1:5678:5678"\n    command: uvicorn api.main:app --reload\n',
          },
          errors: [
            {
              file: 'compose.prod.yaml',
              line: 7,
              column: 9,
              endLine: 7,
              endColumn: 30,
              message: 'service "web" publishes debugger port 9229 in a production file; debuggers run arbitrary code for whoever connects',
            },
            {
              line: 9,
              column: 9,
              endLine: 9,
              endColumn: 19,
              message:
                'service "web" bind-mounts source code ./web over /app in production; production runs the code baked into the image (in the "prod" environment: compose.yaml + compose.prod.yaml)',
            },
          ],
        },
      ],
    });
  });

  it("accepts the seed's production API and proxy, and a single compose.yaml that is not production", async () => {
    await new RuleTester(noDebugInProduction).run({
      valid: [
        { filename: 'prod/docker-compose.prod.yml', code: production },
        // Not a production file: a single compose.yaml with no overrides beside it.
        'services:\n  api:\n    image: acme/api:1.0.0\n    ports:\n      - "5678:5678"\n    command: uvicorn api.main:app --reload\n    volumes:\n      - ./api:/app/api\n',
      ],
    });
  });

  it('takes production files and debugger ports from settings', async () => {
    await new RuleTester(noDebugInProduction).run({
      valid: [{ filename: 'compose.live.yaml', code: live, name: 'not a production file by default' }],
      invalid: [
        {
          filename: 'compose.live.yaml',
          code: live,
          settings: { productionFiles: ['compose.live.yaml'], debuggerPorts: [4000, '4100-4200'] },
          errors: [{ line: 5, column: 9, endLine: 5, endColumn: 20, message: 'service "api" publishes debugger port 4000 in a production file; debuggers run arbitrary code for whoever connects' }],
        },
      ],
    });
  });
});

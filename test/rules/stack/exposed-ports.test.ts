import { describe, it } from 'vitest';
import rule from '../../../rules/stack/exposed-ports.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const CHECK = 'check which port the service listens on';

describe('stack/exposed-ports', () => {
  it('reports published and healthchecked container ports the image does not EXPOSE, at the port, as info', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    build: .',
            '    ports:',
            '      - "127.0.0.1:8080:80"',
            '      - target: 9090',
            '        published: "9090"',
            '    healthcheck:',
            '      test: ["CMD", "wget", "-q", "--spider", "http://localhost:8081/health"]',
            '',
          ].join('\n'),
          files: { Dockerfile: 'FROM node:20-alpine\nENV PORT=8000\nEXPOSE $PORT\nCMD ["node", "server.js"]\n' },
          errors: [
            { line: 5, column: 25, endLine: 5, endColumn: 27, message: `service "api" publishes container port 80, but its image (built by Dockerfile) EXPOSEs only 8000; ${CHECK}`, severity: 'info' },
            { line: 6, column: 17, endLine: 6, endColumn: 21, message: `service "api" publishes container port 9090, but its image (built by Dockerfile) EXPOSEs only 8000; ${CHECK}` },
            { line: 9, column: 65, endLine: 9, endColumn: 69, message: `service "api"'s healthcheck probes port 8081, but its image (built by Dockerfile) EXPOSEs only 8000; ${CHECK}` },
          ],
        },
      ],
    });
  });

  it('accepts build args in EXPOSE, ports the base image exposes, images that EXPOSE nothing and host networking', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    build:',
            '      context: api',
            '      args:',
            '        PORT: "9000"',
            '    ports:',
            '      - "9000:9000"',
            '      - "9229:9229"   # the Node inspector: a debugger port, not the service\'s',
            '    healthcheck:',
            '      test: ["CMD", "wget", "-q", "--spider", "http://localhost:9000/health"]',
            '  proxy:',
            '    build: proxy',
            '    ports:',
            '      - "80:80"',
            '      - "443:443"',
            '  silent:',
            '    build: silent',
            '    ports:',
            '      - "3000:3000"',
            '  tomcat:',
            '    build: base',
            '    ports:',
            '      - "8080:8080"',
            '  host:',
            '    build: api',
            '    network_mode: host',
            '    ports:',
            '      - "1234:1234"',
            '',
          ].join('\n'),
          files: {
            'api/Dockerfile': 'FROM node:20-alpine\nARG PORT=8000\nEXPOSE ${PORT}\nCMD ["node", "server.js"]\n',
            'base/Dockerfile': 'FROM tomcat:10.1-jdk17\nEXPOSE 8009\n',
            'proxy/Dockerfile': 'FROM nginx:1.27-alpine\nEXPOSE 443\nCOPY default.conf /etc/nginx/conf.d/default.conf\n',
            'silent/Dockerfile': 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
          },
        },
      ],
    });
  });
});

import { describe, it } from 'vitest';
import references from '../../../rules/compose/references.js';
import { RuleTester } from '../../../src/testing.js';

const PROFILE_ADVICE = 'compose fails unless that profile is enabled (or mark the dependency "required: false")';

describe('compose/references', () => {
  it('reports undeclared resources, unknown services and dependency cycles', async () => {
    await new RuleTester(references).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    image: nginx:1.27
    networks: [front, backend]
    depends_on:
      - api
      - cach
    links: ["auth:login"]
    volumes:
      - static:/usr/share/nginx/html
      - ./conf:/etc/nginx/conf.d:ro
    secrets: [tls_cert]
  api:
    image: shop/api:2.0.1
    depends_on: [worker]
    network_mode: "service:proxy"
    configs:
      - source: api_conf
        target: /etc/api.conf
  worker:
    image: shop/worker:1.0.0
    depends_on:
      web:
        condition: service_started
  cache:
    image: redis:7.4
    extends:
      service: redis-base
networks:
  front:
`,
          errors: [
            { line: 4, column: 23, endLine: 4, endColumn: 30, message: 'service "web" uses network "backend", which is not declared under the top-level "networks"' },
            { line: 7, column: 9, endLine: 7, endColumn: 13, message: 'service "web" depends on "cach", which is not a service of this project; did you mean "cache"?' },
            { line: 8, column: 13, endLine: 8, endColumn: 25, message: 'service "web" links to "auth", which is not a service of this project' },
            { line: 10, column: 9, endLine: 10, endColumn: 37, message: 'service "web" uses volume "static", which is not declared under the top-level "volumes"' },
            { line: 12, column: 15, endLine: 12, endColumn: 23, message: 'service "web" uses secret "tls_cert", which is not declared under the top-level "secrets"' },
            { line: 16, column: 19, endLine: 16, endColumn: 34, message: 'service "api" shares the network namespace of "proxy", which is not a service of this project' },
            { line: 18, column: 17, endLine: 18, endColumn: 25, message: 'service "api" uses config "api_conf", which is not declared under the top-level "configs"' },
            {
              line: 23,
              column: 7,
              endLine: 23,
              endColumn: 10,
              message: 'services depend on each other in a cycle ("web" → "api" → "worker" → "web"); compose cannot decide which to start first',
            },
            { line: 28, column: 16, endLine: 28, endColumn: 26, message: 'extends names the service "redis-base", which is not defined in this file' },
          ],
        },
      ],
    });
  });

  it('reports extends that name a missing file or service, or loop', async () => {
    await new RuleTester(references).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    extends:
      file: ./missing.yaml
      service: base
  api:
    extends:
      file: ./common.yaml
      service: api-bsae
  a:
    image: busybox:1.37
    extends: b
  b:
    extends: a
`,
          files: { 'common.yaml': 'services:\n  api-base:\n    image: shop/api:2.0.1\n' },
          errors: [
            { line: 4, column: 13, endLine: 4, endColumn: 27, message: 'extends names the file "missing.yaml", which does not exist' },
            { line: 9, column: 16, endLine: 9, endColumn: 24, message: 'extends names the service "api-bsae", which is not defined in common.yaml; did you mean "api-base"?' },
            { line: 14, column: 14, endLine: 14, endColumn: 15, message: 'extends forms a cycle: a → b → a' },
          ],
        },
      ],
    });
  });

  it('reports dependencies on services that profiles may leave out', async () => {
    await new RuleTester(references).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    image: nginx:1.27
    depends_on: [mailer, metrics]
  mailer:
    image: mailhog/mailhog:v1.0.1
    profiles: [dev]
  metrics:
    image: prom/prometheus:v2.53.0
    profiles: [monitoring]
  grafana:
    image: grafana/grafana:11.1.0
    profiles: [dashboards]
    depends_on: [metrics]
  exporter:
    image: prom/node-exporter:v1.8.2
    profiles: [monitoring]
    depends_on: [metrics]
`,
          errors: [
            { line: 4, column: 18, endLine: 4, endColumn: 24, message: `service "web" always runs but depends on "mailer", which only runs with profile "dev"; ${PROFILE_ADVICE}` },
            { line: 4, column: 26, endLine: 4, endColumn: 33, message: `service "web" always runs but depends on "metrics", which only runs with profile "monitoring"; ${PROFILE_ADVICE}` },
            {
              line: 14,
              column: 18,
              endLine: 14,
              endColumn: 25,
              message: 'service "grafana" (profiles "dashboards") depends on "metrics", which only runs with profile "monitoring"; no profile enables both',
            },
          ],
        },
      ],
    });
  });

  it('accepts declared resources, host paths, optional dependencies and what extends does not inherit', async () => {
    await new RuleTester(references).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    image: nginx:1.27
    networks: [front, default]
    depends_on:
      api:
        condition: service_healthy
      metrics:
        condition: service_started
        required: false
    volumes:
      - static:/usr/share/nginx/html
      - ./conf:/etc/nginx/conf.d:ro
      - /var/log/nginx
      - type: volume
        source: cache
        target: /var/cache/nginx
    secrets: [tls_cert]
  api:
    extends:
      file: ./common.yaml
      service: api-base
    image: shop/api:2.0.1

  proxy:
    image: envoyproxy/envoy:v1.31.0
    network_mode: "service:web"
  debug:
    image: busybox:1.37
    profiles: [debug]
    depends_on: [web]
    volumes_from: ["web:ro"]
networks:
  front:
volumes:
  static:
  cache:
secrets:
  tls_cert:
    file: ./cert.pem
`,
          files: { 'common.yaml': 'services:\n  api-base:\n    environment:\n      LOG_LEVEL: info\n    depends_on: [not-inherited]\n' },
        },
      ],
    });
  });
  it('checks a file pulled in by include in the includer\'s project: its depends_on may name the includer\'s services', async () => {
    await new RuleTester(references).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: `include:
  - services/worker.yaml
services:
  db:
    image: postgres:16.4
`,
          files: { 'services/worker.yaml': 'services:\n  worker:\n    image: acme/worker:1.0.0\n    depends_on: [db]\n' },
        },
      ],
    });
  });
});

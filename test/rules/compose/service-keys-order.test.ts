import { describe, expect, it } from 'vitest';
import serviceKeysOrder from '../../../rules/compose/service-keys-order.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/service-keys-order', () => {
  it('is off in the recommended preset', () => {
    expect(serviceKeysOrder.meta.recommended).toBe(false);
  });

  it('reports the first key out of the grouped order, once per service, and reorders the keys', async () => {
    await new RuleTester(serviceKeysOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  app:
    container_name: my_container
    image: acme/app:1.0.0
    environment:
      - NODE_ENV=production
    volumes:
      - ./data:/data
    ports:
      - "8080:8080"
  db:
    user: postgres
    image: postgres:16.4
    healthcheck:
      test: ["CMD", "pg_isready"]
    restart: always
`,
          errors: [
            { line: 4, column: 5, endLine: 4, endColumn: 10, message: 'service "app": image should come before container_name' },
            { line: 13, column: 5, endLine: 13, endColumn: 10, message: 'service "db": image should come before user' },
          ],
          output: `services:
  app:
    image: acme/app:1.0.0
    container_name: my_container
    volumes:
      - ./data:/data
    environment:
      - NODE_ENV=production
    ports:
      - "8080:8080"
  db:
    image: postgres:16.4
    restart: always
    healthcheck:
      test: ["CMD", "pg_isready"]
    user: postgres
`,
        },
      ],
    });
    expect(serviceKeysOrder.meta.fix).toBe('safe');
  });

  it('accepts keys in order, unknown keys last', async () => {
    await new RuleTester(serviceKeysOrder).run({
      valid: [
        `services:
  app:
    image: acme/app:1.0.0
    container_name: my_container
    depends_on:
      - db
    volumes:
      - ./data:/data
    environment:
      - NODE_ENV=production
    ports:
      - "8080:8080"
    command: ["serve"]
    restart: unless-stopped
    labels:
      - "traefik.enable=true"
    user: "1000"
    stop_signal: SIGINT
  db:
    image: postgres:16.4
`,
      ],
    });
  });
});

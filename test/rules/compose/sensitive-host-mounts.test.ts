import { describe, it } from 'vitest';
import sensitiveHostMounts from '../../../rules/compose/sensitive-host-mounts.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/sensitive-host-mounts', () => {
  it("reports bind mounts of the host's system directories, home directories and volumes that bind them", async () => {
    await new RuleTester(sensitiveHostMounts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  cadvisor:
    image: gcr.io/cadvisor/cadvisor:v0.49.1
    volumes:
      - /:/rootfs:ro
      - /sys:/sys:ro
      - /var/lib/docker/:/var/lib/docker:ro
  backup:
    image: acme/backup:1.0.0
    volumes:
      - /etc:/host/etc
      - ~:/home/backup
      - type: bind
        source: /root/.ssh
        target: /keys
  exporter:
    image: acme/exporter:1.0.0
    volumes:
      - hostproc:/host/proc:ro
volumes:
  hostproc:
    driver: local
    driver_opts:
      type: none
      o: bind
      device: /proc
`,
          errors: [
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 21,
              message: "service \"cadvisor\" mounts the host's / (even read-only it exposes host secrets and state); mount only the files the service needs",
            },
            { line: 6, column: 9, endLine: 6, endColumn: 21 },
            { line: 7, column: 9, endLine: 7, endColumn: 44 },
            { line: 11, column: 9, endLine: 11, endColumn: 23 },
            { line: 12, column: 9, endLine: 12, endColumn: 23, message: "service \"backup\" mounts the host's ~ (a home directory); mount only the files the service needs" },
            { line: 14, column: 17, endLine: 14, endColumn: 27 },
            { line: 26, column: 15, endLine: 26, endColumn: 20, message: 'volume "hostproc" binds the host\'s /proc; every service that mounts it sees that directory' },
          ],
        },
      ],
    });
  });

  it('accepts application folders under /etc and /lib, single files, the Docker socket (its own rule) and data under ~', async () => {
    await new RuleTester(sensitiveHostMounts).run({
      valid: [
        `services:
  pihole:
    image: pihole/pihole:2024.07.0
    volumes:
      - "/etc/pihole/:/etc/pihole/"
      - "/etc/dnsmasq.d/:/etc/dnsmasq.d/"
      - /etc/localtime:/etc/localtime:ro
  wireguard:
    image: linuxserver/wireguard:1.0.20210914
    volumes:
      - /usr/share/appdata/wireguard/config:/config
      - /lib/modules:/lib/modules
  portainer:
    image: portainer/portainer-ce:2.21.0-alpine
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
  minecraft:
    image: itzg/minecraft-server:2024.10.0
    volumes:
      - "~/minecraft_data:/data"
`,
      ],
    });
  });

  it("tells an application's data folder under /root from root's home itself and the credentials in it", async () => {
    const mount = (source: string) => `services:\n  n8n:\n    image: n8nio/n8n:1.64.0\n    volumes:\n      - ${source}:/home/node/.n8n\n`;
    const message = (dir: string) => `service "n8n" mounts the host's ${dir}; mount only the files the service needs`;
    await new RuleTester(sensitiveHostMounts).run({
      valid: [mount('/root/n8n/.n8n'), mount('/root/backups')],
      invalid: [
        { filename: 'compose.yaml', code: mount('/root'), errors: [{ line: 5, column: 9, message: message("/root (root's home directory)") }] },
        { filename: 'compose.yaml', code: mount('/root/.ssh'), errors: [{ line: 5, column: 9, message: message('/root/.ssh') }] },
        { filename: 'compose.yaml', code: mount('/root/.docker/config.json'), errors: [{ line: 5, column: 9, message: message('/root/.docker') }] },
        { filename: 'compose.yaml', code: mount('/root/.config/gcloud'), errors: [{ line: 5, column: 9, message: message('/root/.config/gcloud') }] },
      ],
    });
  });
});

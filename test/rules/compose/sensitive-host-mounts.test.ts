import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import sensitiveHostMounts from '../../../rules/compose/sensitive-host-mounts.js';

const RULE = 'compose/sensitive-host-mounts';

describe(RULE, () => {
  it("reports bind mounts of the host's system directories, home directories and volumes that bind them", async () => {
    const found = await findings(RULE, ['compose/sensitive-host-mounts/bad']);
    expect(found.map(brief)).toEqual([
      'compose/sensitive-host-mounts/bad/compose.yaml:5:9-5:21 compose/sensitive-host-mounts',
      'compose/sensitive-host-mounts/bad/compose.yaml:6:9-6:21 compose/sensitive-host-mounts',
      'compose/sensitive-host-mounts/bad/compose.yaml:7:9-7:44 compose/sensitive-host-mounts',
      'compose/sensitive-host-mounts/bad/compose.yaml:11:9-11:23 compose/sensitive-host-mounts',
      'compose/sensitive-host-mounts/bad/compose.yaml:12:9-12:23 compose/sensitive-host-mounts',
      'compose/sensitive-host-mounts/bad/compose.yaml:14:17-14:27 compose/sensitive-host-mounts',
      'compose/sensitive-host-mounts/bad/compose.yaml:26:15-26:20 compose/sensitive-host-mounts',
    ]);
    expect(found[0]!.message).toBe(
      "service \"cadvisor\" mounts the host's / (even read-only it exposes host secrets and state); mount only the files the service needs",
    );
    expect(found[4]!.message).toBe("service \"backup\" mounts the host's ~ (a home directory); mount only the files the service needs");
    expect(found[6]!.message).toBe('volume "hostproc" binds the host\'s /proc; every service that mounts it sees that directory');
  });

  it('accepts application folders under /etc and /lib, single files, the Docker socket (its own rule) and data under ~', async () => {
    expect(await findings(RULE, ['compose/sensitive-host-mounts/good'])).toEqual([]);
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

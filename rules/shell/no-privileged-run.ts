import {
  containerRunCall,
  defineRule,
  dockerCall,
  findFlag,
  flagValues,
  flattenCommands,
  type FlagValue,
  type Locatable,
  type ShCommand,
} from '../kit/index.js';

const DOCKER_SOCKET = /^(?:\/var)?\/run\/docker\.sock(?::|$)/;

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-privileged-run',
    kind: 'shell',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Containers are not started with `--privileged`, the Docker socket or the host network',
    tags: ['security'],
    securitySeverity: 8.5,
  },
  check(ctx) {
    for (const cmd of flattenCommands(ctx.shell.commands)) {
      const call = dockerCall(cmd);
      const run = call && containerRunCall(call);
      if (!run) continue;
      const verb = `${call.standaloneCompose ? 'docker-compose' : call.tool} ${run.verb}`;
      for (const f of findings(run.view)) ctx.report({ node: f.node, message: `${verb} ${f.message}` });
    }
  },
});

/** The option and its value: `--network host`, `-v /var/run/docker.sock:/var/run/docker.sock`. */
function whole(v: FlagValue): Locatable {
  return { start: v.flag.start, end: v.end };
}

function findings(view: ShCommand): { node: Locatable; message: string }[] {
  const out: { node: Locatable; message: string }[] = [];
  const privileged = findFlag(view, '--privileged');
  if (privileged && !/=\s*false$/i.test(privileged.value ?? privileged.raw)) {
    out.push({ node: privileged, message: '--privileged gives the container every capability and the host devices: root in it is root on the host' });
  }
  for (const v of flagValues(view, '-v', '--volume')) {
    if (v.value !== undefined && DOCKER_SOCKET.test(v.value)) {
      out.push({ node: whole(v), message: 'mounts the Docker socket, which gives the container full control of the Docker host' });
    }
  }
  for (const m of flagValues(view, '--mount')) {
    if (m.value !== undefined && /(?:^|,)(?:source|src)=(?:\/var)?\/run\/docker\.sock(?:,|$)/.test(m.value)) {
      out.push({ node: whole(m), message: 'mounts the Docker socket, which gives the container full control of the Docker host' });
    }
  }
  for (const n of flagValues(view, '--network', '--net')) {
    if (n.value === 'host') out.push({ node: whole(n), message: 'uses the host network, so the container bypasses network isolation and sees every host interface' });
  }
  for (const p of flagValues(view, '--pid')) {
    if (p.value === 'host') out.push({ node: whole(p), message: "shares the host's process namespace, so the container sees and can signal every host process" });
  }
  for (const c of flagValues(view, '--cap-add')) {
    if (c.value !== undefined && /^(?:CAP_)?(?:ALL|SYS_ADMIN)$/i.test(c.value)) {
      out.push({ node: whole(c), message: `adds ${c.value}, which is nearly as powerful as --privileged` });
    }
  }
  return out;
}

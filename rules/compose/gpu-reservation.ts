import {
  appendToMap,
  appendToSeq,
  certainValue,
  checkEnvironments,
  defineRule,
  entries,
  fixIn,
  isMap,
  isSeq,
  judge,
  mapAt,
  nodeUsers,
  originOf,
  removePairLines,
  scalarList,
  sharedSafely,
  svc,
  type ComposeService,
  type ComposeView,
  type FixDescriptor,
  type SourceFile,
  type TextEdit,
  type YMap,
  type YNode,
  type YPair,
  type YScalar,
} from '../kit/index.js';

interface GpuDevice {
  node: YMap;
  count: { node: YNode; value: string } | undefined;
  deviceIds: string[] | undefined;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/gpu-reservation',
    kind: 'compose',
    category: 'gpu',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'GPUs are reserved through `deploy.resources.reservations.devices` with the `gpu` capability, a driver, and a count or device ids',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      let users: Map<YNode, Set<string>> | undefined;
      const legacy = project.services.filter((s) => certainValue(project, s.get('runtime'))?.trim() === 'nvidia');
      const needing = new Set(legacy.filter((s) => !gpuDevices(project, s, () => undefined).length).map((s) => s.name));
      const reportedRuntimes = new Set<YNode>();
      for (const service of project.services) {
        const where = svc(service.name);
        const devices = gpuDevices(project, service, (node, message) => report({ node, message: `${where} ${message}` }));

        // runtime: nvidia (nvidia-docker2) → a device reservation; one finding per place it is written.
        const runtime = service.node.pair('runtime');
        if (runtime && legacy.includes(service) && !reportedRuntimes.has(runtime.value)) {
          reportedRuntimes.add(runtime.value);
          const sharing = legacy.filter((s) => s.node.pair('runtime')?.value === runtime.value);
          const fix = runtimeFix(ctx.file, project, runtime, sharing, (users ??= nodeUsers(project.services)), needing);
          const names = sharing.map((s) => `"${s.name}"`);
          report({
            node: runtime.value,
            message: `${names.length > 1 ? `services ${names.join(', ')} use` : `${where} uses`} runtime: nvidia, the legacy nvidia-docker2 way to get GPUs; reserve them with deploy.resources.reservations.devices (capabilities: [gpu])`,
            ...(fix ? { fix } : {}),
          });
        }

        // NVIDIA_VISIBLE_DEVICES that says otherwise than the reservation.
        if (!devices.length) continue;
        const env = entries(project, service.get('environment')).find((e) => e.key === 'NVIDIA_VISIBLE_DEVICES');
        if (!env || env.value === undefined || !env.certain) continue;
        const contradiction = contradicts(env.value.trim(), devices);
        if (contradiction) {
          report({
            range: env.valueRange ?? env.keyRange,
            ...(env.node ? { file: env.node.file } : {}),
            message: `${where} sets NVIDIA_VISIBLE_DEVICES=${env.value} but ${contradiction}; the variable can expose GPUs the reservation does not grant`,
          });
        }
      }
    }, ['compose/gpu-reservation', ctx.options, ctx.settings]);
  },
});

/**
 * Removes the runtime line and gives every service that uses it a device
 * reservation (when it has none). Through an anchor this edits the anchor and
 * each service that merges it, so it is offered only when all of them can be edited.
 */
function runtimeFix(
  file: SourceFile,
  view: ComposeView,
  runtime: YPair,
  sharing: ComposeService[],
  users: Map<YNode, Set<string>>,
  needing: Set<string>,
): FixDescriptor | undefined {
  const remove = removePairLines(file, runtime.keyNode, runtime.value);
  if (!remove) return undefined;
  const owners = users.get(runtime.value) ?? new Set();
  // Every service that reaches the runtime line must be one we convert.
  if ([...owners].some((name) => !sharing.some((s) => s.name === name))) return undefined;
  const edits: TextEdit[] = [remove];
  for (const s of sharing) {
    if (!needing.has(s.name)) continue;
    const add = reservationEdit(file, view, s, users, needing);
    // One fix edits one file: a reservation that belongs in another file of the project is left to the user.
    if (!add || add.file !== runtime.keyNode.file) return undefined;
    edits.push(add.edit);
  }
  return fixIn(runtime.value, 'reserve GPUs through deploy.resources.reservations.devices', edits);
}

/** The GPU entries of deploy.resources.reservations.devices, reporting malformed ones. */
function gpuDevices(view: ComposeView, service: ComposeService, report: (node: YNode, message: string) => void): GpuDevice[] {
  const devices = mapAt(service.get('deploy'), 'resources', 'reservations')?.get('devices');
  if (!isSeq(devices)) return [];
  const out: GpuDevice[] = [];
  for (const item of devices.items) {
    if (!isMap(item)) continue;
    const driver = certainValue(view, item.get('driver'));
    const caps = scalarList(item.get('capabilities')).map((c) => certainValue(view, c) ?? '');
    const gpu = caps.includes('gpu') || driver === 'nvidia';
    if (!gpu) continue;
    const firstKey = item.pairs[0]?.keyNode ?? item;
    if (item.get('capabilities') === undefined) report(firstKey, 'reserves a device without capabilities, which Compose requires (capabilities: [gpu])');
    else if (!caps.includes('gpu')) report(item.get('capabilities')!, 'reserves an nvidia device without the gpu capability');
    if (item.get('driver') === undefined) report(firstKey, 'reserves a GPU without naming the driver (driver: nvidia)');
    const countNode = item.get('count');
    const idsNode = item.get('device_ids');
    const count = countNode === undefined ? undefined : judge(view, countNode);
    if (countNode !== undefined && idsNode !== undefined) {
      report(item.pair('device_ids')!.keyNode, 'sets both count and device_ids on one GPU reservation, which Compose rejects');
    } else if (countNode === undefined && idsNode === undefined) {
      report(firstKey, 'reserves GPUs without count or device_ids, which silently takes every GPU on the host');
    }
    if (count?.certain && !/^(?:all|-1|[1-9]\d*)$/.test(count.value.trim())) {
      report(countNode!, `has GPU count "${count.value}"; use a positive number or "all"`);
    }
    out.push({
      node: item,
      count: count?.certain ? { node: countNode!, value: count.value.trim() } : undefined,
      deviceIds: idsNode === undefined ? undefined : scalarList(idsNode).map((s) => certainValue(view, s) ?? ''),
    });
  }
  return out;
}

function contradicts(value: string, devices: GpuDevice[]): string | undefined {
  const d = devices[0]!;
  const reserved = d.deviceIds ? `the reservation names device_ids ${d.deviceIds.join(', ')}` : d.count ? `the reservation asks for count ${d.count.value}` : undefined;
  if (!reserved) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'none' || lower === 'void' || lower === '') return `${reserved} (and this hides them)`;
  if (lower === 'all') return d.deviceIds || (d.count && d.count.value !== 'all' && d.count.value !== '-1') ? reserved : undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (d.deviceIds) {
    const same = ids.length === d.deviceIds.length && ids.every((i) => d.deviceIds!.includes(i));
    return same ? undefined : reserved;
  }
  if (d.count && /^\d+$/.test(d.count.value) && Number(d.count.value) !== ids.length) return reserved;
  return undefined;
}

/** Adds `deploy.resources.reservations.devices: [{driver: nvidia, count: all, capabilities: [gpu]}]` below what exists. */
function reservationEdit(
  file: SourceFile,
  view: ComposeView,
  service: ComposeService,
  users: Map<YNode, Set<string>>,
  needing: Set<string>,
): { edit: TextEdit; file: SourceFile } | undefined {
  const env = entries(view, service.get('environment')).find((e) => e.key === 'NVIDIA_VISIBLE_DEVICES');
  const ids = env?.certain && env.value && !/^(all|none|void)$/i.test(env.value.trim()) ? env.value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const amount = ids ? `device_ids: [${ids.map((i) => `"${i}"`).join(', ')}]` : 'count: all';
  const path = ['deploy', 'resources', 'reservations', 'devices'];
  let map: YMap = service.node;
  let key: YScalar = service.keyNode;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const pair = map.pair(path[depth]!);
    if (!pair) break;
    if (depth === path.length - 1) {
      if (!isSeq(pair.value) || !sharedSafely(users, pair.value, needing)) return undefined;
      const edit = appendToSeq(file, pair.value, [`{ driver: nvidia, ${amount}, capabilities: [gpu] }`]);
      return edit && { edit, file: originOf(pair.value).file };
    }
    if (!isMap(pair.value) || !sharedSafely(users, pair.value, needing)) return undefined;
    map = pair.value;
    key = pair.keyNode;
  }
  const rest = path.slice(depth);
  const edit = appendToMap(
    file,
    map,
    (u) => {
      const lines = rest.map((k, i) => `${u.repeat(i)}${k}:`);
      const pad = u.repeat(rest.length);
      lines.push(`${pad}- driver: nvidia`, `${pad}  ${amount}`, `${pad}  capabilities: [gpu]`);
      return lines;
    },
    key,
  );
  return edit && { edit, file: originOf(map).file };
}

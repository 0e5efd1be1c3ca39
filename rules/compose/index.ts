import { type AnyRule } from '../kit/index.js';
import buildOrImage from './build-or-image.js';
import buildPullPolicy from './build-pull-policy.js';
import capDropAll from './cap-drop-all.js';
import containerNamePattern from './container-name-pattern.js';
import dataVolume from './data-volume.js';
import databaseDurability from './database-durability.js';
import dependsOnHealthy from './depends-on-healthy.js';
import dependsOnOrder from './depends-on-order.js';
import envFileExists from './env-file-exists.js';
import envFileIgnored from './env-file-ignored.js';
import envFileMode from './env-file-mode.js';
import envInterpolation from './env-interpolation.js';
import externalConflicts from './external-conflicts.js';
import gpuReservation from './gpu-reservation.js';
import healthcheckComplete from './healthcheck-complete.js';
import healthcheckRequired from './healthcheck-required.js';
import healthcheckTestForm from './healthcheck-test-form.js';
import imagePinned from './image-pinned.js';
import include from './include.js';
import internalNetwork from './internal-network.js';
import loggingRotation from './logging-rotation.js';
import mergeConflicts from './merge-conflicts.js';
import mergeListRemoval from './merge-list-removal.js';
import mergeTags from './merge-tags.js';
import mountTargets from './mount-targets.js';
import networkModeConflicts from './network-mode-conflicts.js';
import noCgroupParent from './no-cgroup-parent.js';
import noDebugInProduction from './no-debug-in-production.js';
import noDockerSocket from './no-docker-socket.js';
import noDuplicateKeys from './no-duplicate-keys.js';
import noHostNamespaces from './no-host-namespaces.js';
import noHostNetwork from './no-host-network.js';
import noNewPrivileges from './no-new-privileges.js';
import noObsoleteVersion from './no-obsolete-version.js';
import noPlaintextSecrets from './no-plaintext-secrets.js';
import noPrivileged from './no-privileged.js';
import noPublishedSsh from './no-published-ssh.js';
import portsLoopback from './ports-loopback.js';
import portsOrder from './ports-order.js';
import portsQuoted from './ports-quoted.js';
import privilegedHostPorts from './privileged-host-ports.js';
import readOnlyRoot from './read-only-root.js';
import projectName from './project-name.js';
import projectNameValid from './project-name-valid.js';
import unplacedFragment from './unplaced-fragment.js';
import references from './references.js';
import referenceOutsideProject from './reference-outside-project.js';
import resourceLimits from './resource-limits.js';
import restartPolicy from './restart-policy.js';
import scaleConsistency from './scale-consistency.js';
import scalingConflicts from './scaling-conflicts.js';
import schema from './schema.js';
import secretSource from './secret-source.js';
import sensitiveHostMounts from './sensitive-host-mounts.js';
import sensitiveMountsReadonly from './sensitive-mounts-readonly.js';
import serviceKeysOrder from './service-keys-order.js';
import servicesOrder from './services-order.js';
import syntax from './syntax.js';
import topLevelOrder from './top-level-order.js';
import uniqueContainerNames from './unique-container-names.js';
import uniqueHostPorts from './unique-host-ports.js';
import volumesUnquoted from './volumes-unquoted.js';

/** Every `compose/…` rule, sorted by id. */
export const composeRules: AnyRule[] = [
  buildOrImage,
  buildPullPolicy,
  capDropAll,
  containerNamePattern,
  dataVolume,
  databaseDurability,
  dependsOnHealthy,
  dependsOnOrder,
  envFileExists,
  envFileIgnored,
  envFileMode,
  envInterpolation,
  externalConflicts,
  gpuReservation,
  healthcheckComplete,
  healthcheckRequired,
  healthcheckTestForm,
  imagePinned,
  include,
  internalNetwork,
  loggingRotation,
  mergeConflicts,
  mergeListRemoval,
  mergeTags,
  mountTargets,
  networkModeConflicts,
  noCgroupParent,
  noDebugInProduction,
  noDockerSocket,
  noDuplicateKeys,
  noHostNamespaces,
  noHostNetwork,
  noNewPrivileges,
  noObsoleteVersion,
  noPlaintextSecrets,
  noPrivileged,
  noPublishedSsh,
  portsLoopback,
  portsOrder,
  portsQuoted,
  privilegedHostPorts,
  readOnlyRoot,
  projectName,
  projectNameValid,
  references,
  referenceOutsideProject,
  resourceLimits,
  restartPolicy,
  scaleConsistency,
  scalingConflicts,
  schema,
  secretSource,
  sensitiveHostMounts,
  sensitiveMountsReadonly,
  serviceKeysOrder,
  servicesOrder,
  syntax,
  topLevelOrder,
  uniqueContainerNames,
  uniqueHostPorts,
  unplacedFragment,
  volumesUnquoted,
];

import { type AnyRule } from '../kit/index.js';
import addForArchives from './add-for-archives.js';
import apkNoCache from './apk-no-cache.js';
import aptHygiene from './apt-hygiene.js';
import buildDepsSameLayer from './build-deps-same-layer.js';
import consecutiveRun from './consecutive-run.js';
import containerIrrelevantCommands from './container-irrelevant-commands.js';
import copyIgnoredFile from './copy-ignored-file.js';
import copyNotAdd from './copy-not-add.js';
import copyRelativeDestination from './copy-relative-destination.js';
import cudaBaseImage from './cuda-base-image.js';
import dnfHygiene from './dnf-hygiene.js';
import dockerignore from './dockerignore.js';
import envSelfReference from './env-self-reference.js';
import execForm from './exec-form.js';
import exposeFormat from './expose-format.js';
import fromArgs from './from-args.js';
import fromPlatformFlag from './from-platform-flag.js';
import healthcheck from './healthcheck.js';
import instructionCasing from './instruction-casing.js';
import labelKeyFormat from './label-key-format.js';
import labelSchema from './label-schema.js';
import layerCacheOrder from './layer-cache-order.js';
import legacyKeyValue from './legacy-key-value.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import multiStage from './multi-stage.js';
import noCd from './no-cd.js';
import noCopyWholeStage from './no-copy-whole-stage.js';
import noEmptyContinuation from './no-empty-continuation.js';
import noExposedSsh from './no-exposed-ssh.js';
import noInlineIgnore from './no-inline-ignore.js';
import noPackageUpgrade from './no-package-upgrade.js';
import noSecretFiles from './no-secret-files.js';
import noSecretsInEnvArg from './no-secrets-in-env-arg.js';
import noSudo from './no-sudo.js';
import noSwallowedErrors from './no-swallowed-errors.js';
import noSystemWorkdir from './no-system-workdir.js';
import noTlsBypass from './no-tls-bypass.js';
import noUnsignedPackages from './no-unsigned-packages.js';
import npmCi from './npm-ci.js';
import nonRootUser from './non-root-user.js';
import numericUser from './numeric-user.js';
import pinPackageVersions from './pin-package-versions.js';
import pinnedBaseImage from './pinned-base-image.js';
import pipNoCache from './pip-no-cache.js';
import pipefail from './pipefail.js';
import runtimeDevTools from './runtime-dev-tools.js';
import singleCmd from './single-cmd.js';
import singleEntrypoint from './single-entrypoint.js';
import singleHealthcheck from './single-healthcheck.js';
import stageNameCasing from './stage-name-casing.js';
import syntax from './syntax.js';
import trustedRegistries from './trusted-registries.js';
import undefinedVar from './undefined-var.js';
import unknownFlag from './unknown-flag.js';
import updateWithInstall from './update-with-install.js';
import useShellInstruction from './use-shell-instruction.js';
import useraddLargeUid from './useradd-large-uid.js';
import wgetAndCurl from './wget-and-curl.js';
import wgetProgress from './wget-progress.js';
import yarnCacheClean from './yarn-cache-clean.js';
import yumHygiene from './yum-hygiene.js';
import zypperHygiene from './zypper-hygiene.js';

/** Every `dockerfile/…` rule, sorted by id. */
export const dockerfileRules: AnyRule[] = [
  addForArchives,
  apkNoCache,
  aptHygiene,
  buildDepsSameLayer,
  consecutiveRun,
  containerIrrelevantCommands,
  copyIgnoredFile,
  copyNotAdd,
  copyRelativeDestination,
  cudaBaseImage,
  dnfHygiene,
  dockerignore,
  envSelfReference,
  execForm,
  exposeFormat,
  fromArgs,
  fromPlatformFlag,
  healthcheck,
  instructionCasing,
  labelKeyFormat,
  labelSchema,
  layerCacheOrder,
  legacyKeyValue,
  maintainerDeprecated,
  multiStage,
  noCd,
  noCopyWholeStage,
  noEmptyContinuation,
  noExposedSsh,
  noInlineIgnore,
  noPackageUpgrade,
  noSecretFiles,
  noSecretsInEnvArg,
  noSudo,
  noSwallowedErrors,
  noSystemWorkdir,
  noTlsBypass,
  noUnsignedPackages,
  npmCi,
  nonRootUser,
  numericUser,
  pinPackageVersions,
  pinnedBaseImage,
  pipNoCache,
  pipefail,
  runtimeDevTools,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  stageNameCasing,
  syntax,
  trustedRegistries,
  undefinedVar,
  unknownFlag,
  updateWithInstall,
  useShellInstruction,
  useraddLargeUid,
  wgetAndCurl,
  wgetProgress,
  yarnCacheClean,
  yumHygiene,
  zypperHygiene,
];

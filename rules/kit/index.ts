/**
 * The rule kit (`stack-lint/kit`): everything a rule may use, for the
 * built-in rules and for an organisation's packs alike. Rules import from
 * here and nowhere else in the tool, so what a built-in rule can do, a
 * pack's rule can do. The list is curated: a name joins it when a rule
 * needs it, under the stage it comes from.
 */

// Vocabulary: findings, locations, rule metadata
export type { TextEdit } from '../../src/core/diagnostic.js';
export type { Span } from '../../src/core/location.js';
export { redactSecret } from '../../src/core/redact.js';
export { definePack } from '../../src/core/rule.js';
export type { AnyRule, FixDescriptor, FixKind, Locatable, ReportDescriptor, RuleKind, RuleMeta, RuleOptions, RulePack } from '../../src/core/rule.js';
export type { SourceFile } from '../../src/core/source.js';
export { didYouMean, editDistance, suggest } from '../../src/core/suggest.js';

// YAML nodes
export { at, isMap, isScalar, isSeq } from '../../src/parse/yaml/nodes.js';
export type { YMap, YNode, YPair, YScalar, YSeq } from '../../src/parse/yaml/nodes.js';

// Image references
export { imageBaseName, parseImageRef } from '../../src/parse/image-ref.js';

// Compose documents, projects and values
export { envFileRefs, relativeResourceFile } from '../../src/parse/compose/document.js';
export type { ComposeDocument, ComposeService } from '../../src/parse/compose/document.js';
export type { EnvEntry, EnvFile, GitState } from '../../src/parse/compose/env-file.js';
export { isComposeTemplate, isEnvTemplate } from '../../src/parse/compose/env-templates.js';
export { interpolate } from '../../src/parse/compose/interpolate.js';
export { layerRole } from '../../src/parse/compose/layers.js';
export { isOverride, isReset } from '../../src/parse/compose/merge.js';
export { keyValueEntries, mountTarget, namedEntries, originOf, portKey, splitVolume, volumeTarget } from '../../src/parse/compose/nodes.js';
export { includeEntries, laterOf, relativeTo } from '../../src/parse/compose/project.js';
export type { ComposeProject, ProjectService } from '../../src/parse/compose/project.js';
export { formatPath, pathSegments, validateComposeDocument } from '../../src/parse/compose/schema/index.js';
export type { PathLink } from '../../src/parse/compose/schema/index.js';
export { boolOf, certainValue, commandWords, entries, innerRange, isTruthyText, judge, locate, mapAt, scalarList, scalarsWithPath, svc } from '../../src/parse/compose/values.js';
export type { ComposeView } from '../../src/parse/compose/values.js';

// Dockerfiles
export { cleanPath, parseDockerIgnore } from '../../src/parse/dockerfile/dockerignore.js';
export { overriddenInstructions, removeInstructionEdit } from '../../src/parse/dockerfile/duplicates.js';
export { exposedPorts, portNumbers } from '../../src/parse/dockerfile/expose.js';
export { PLATFORM_ARGS, expandedGlobalArgs } from '../../src/parse/dockerfile/global-args.js';
export { isValidImageReference } from '../../src/parse/dockerfile/image-name.js';
export { DOCKERFILE_INSTRUCTIONS } from '../../src/parse/dockerfile/instructions.js';
export { cacheMountFor, downloadCommand, keyValues, packageCommand, packageCommands, runInstructions, userAddCommand } from '../../src/parse/dockerfile/packages.js';
export type { KeyValue, PackageArg, PackageCommand, PackageManager, RunInstruction } from '../../src/parse/dockerfile/packages.js';
export { mountsCacheOn, removesPath } from '../../src/parse/dockerfile/run-commands.js';
export { buildsOnScratch, isArtifactImage } from '../../src/parse/dockerfile/scratch.js';
export type { DfArgument, DfInstruction, DfStage, DockerfileDocument } from '../../src/parse/dockerfile/types.js';
export { isWindowsStage } from '../../src/parse/dockerfile/windows.js';
export { argDeclarations, copyArgs, escapeOf, instructionWords, properties, suggestName, variableRefs } from '../../src/parse/dockerfile/words.js';
export type { DfProperty, VarRef } from '../../src/parse/dockerfile/words.js';

// Shell: scripts, RUN bodies, commands and flags
export { GLOB_CHARS, shadowedCasePatterns } from '../../src/parse/shell/analysis/case-patterns.js';
export { replacesShell, statementsAfter, statementsNotReturned } from '../../src/parse/shell/analysis/flow.js';
export { arrayVariables, variableUse } from '../../src/parse/shell/analysis/variables.js';
export { findBashisms } from '../../src/parse/shell/bashisms.js';
export { flattenCommands } from '../../src/parse/shell/commands.js';
export { enclosingControls } from '../../src/parse/shell/control.js';
export { containerRunCall, dockerCall } from '../../src/parse/shell/docker.js';
export type { DockerCall } from '../../src/parse/shell/docker.js';
export { findFlag, findSubcommand, flagValue, flagValues, hasFlag, positionalArgs } from '../../src/parse/shell/flags.js';
export type { FlagValue } from '../../src/parse/shell/flags.js';
export { errexitTracker, firstErrexit } from '../../src/parse/shell/options.js';
export { runEnvironmentValues } from '../../src/parse/shell/run-env.js';
export { knownValues, providedEnvironment } from './shell/environment.js';
export { serviceProgram } from './shell/service-program.js';
export type { ServiceProgram } from './shell/service-program.js';
export type { ProvidedEnvironment, ProvidedSource, ProvidedVariable } from './shell/environment.js';
export { closestName, shellVariableFacts, SHELL_VARIABLES } from './shell/variables.js';
export type { ShellVariableFacts, VariableReference } from './shell/variables.js';
export { leadingGlob, unquotedGlob } from './shell/globs.js';
export { childByField, mayContain, walkNodes } from '../../src/parse/shell/tree.js';
export type { ShCommand, ShNode, ShPipeline, ShWord, ShellDocument } from '../../src/parse/shell/types.js';
export { safeConstants, staticLists, surelyNonEmpty, variableWrites } from '../../src/parse/shell/vars.js';
export type { VarWrite } from '../../src/parse/shell/vars.js';
export { makeWord } from '../../src/parse/shell/words.js';

// The stack model
export { JUDGED_TOOLS, baseImageFacts, toolInFacts } from '../../src/stack/base-images.js';
export type { BaseImageFacts } from '../../src/stack/base-images.js';
export { cudaIn, exposedPortsOf, lastUser, toolIn } from '../../src/stack/image.js';
export type { ExposedPort } from '../../src/stack/image.js';
export type { ComposeCall, ComposeFileRef, ServiceBuild, StackModel } from '../../src/stack/model.js';
export { canRunTogether, gpuRequest, healthcheckTest, knownProfiles, runsAsNonRoot } from '../../src/stack/services.js';
export { declaresDialect, isSourcedByOther, sourceTarget, sourcersOf } from '../../src/stack/sourcing.js';
export type { SourceTarget } from '../../src/stack/sourcing.js';

// Rule helpers shared by the built-in rules
export { DATA_DIRECTORIES, REDIS_FAMILIES, commandDataDirectories, dataServiceOf, dataServicesOf } from './compose/data-services.js';
export { appendToMap, appendToSeq, columnOf, eolOf, fixIn, indentStep, lineStartOf, nodeUsers, quote, removePairLines, replaceNode, sharedSafely } from './compose/edits.js';
export { isEngineSocket, sensitiveContent, sensitiveHostDirectory } from './compose/host-paths.js';
export { addedByLaterFile } from './compose/later-layers.js';
export { isInternalNetwork, networksOf } from './compose/networks.js';
export { byText, firstOutOfOrder, sortedOrder } from './compose/order.js';
export { bindsEveryInterface, isLoopback, portNode, portsOf, rangeSize, rangeText } from './compose/ports.js';
export type { PortSpec } from './compose/ports.js';
export { isNonProductionFile, isProductionEnvironment, isProductionFile, mayRunInProduction, productionOf } from './compose/production.js';
export { reorderEdit, reorderEdits } from './compose/reorder.js';
export { findCommandSecrets, findSecretFlags, findTokens, findUrlPasswords, isNonSecretValue, isPlaceholderSecret, isSecretName, isStandInPassword, secretEntries } from './compose/secrets.js';
export { buildOf, dependenciesOf, firstMapping, healthOf, inherited, isOneShot, replicasOf, resetAt } from './compose/services.js';
export type { Dependency, HealthStatus } from './compose/services.js';
export { dataServiceImages, debuggerPorts } from './compose/settings.js';
export { formatDuration, parseDuration } from './compose/units.js';
export { covers, mountsOf } from './compose/volumes.js';
export type { MountSpec } from './compose/volumes.js';
export { defineRule } from './define.js';
export type { ComposeContext, DockerfileContext, EnvironmentContext, Rule, RulePart, ShellContext, StackContext } from './define.js';
export { checkEnvironments } from './environments.js';
export { checkRpmHygiene } from './rpm-hygiene.js';
export { devPackageKind, isBuildToolchain, type DevPackageKind } from './dockerfile/dev-packages.js';

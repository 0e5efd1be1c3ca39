export { ConfigError, type ConfigErrorLocation } from './errors.js';
export {
  ALL_PRESET,
  BUILTIN_PRESET_NAMES,
  ConfigLoader,
  MODULE_NAME,
  RECOMMENDED_PRESET,
  SEARCH_PLACES,
  builtinPresets,
  checkMetaConfig,
  createKindMatcher,
  createPathMatcher,
  parseCliRule,
} from './load.js';
export { loadJson, loadYaml } from './read.js';
export { CONFIG_SCHEMA, checkConfigShape, formatKeyPath, type KeySegment, type SchemaIssue } from './schema.js';
export { didYouMean, editDistance, suggest } from '../core/suggest.js';
export type {
  ConfigLoaderOptions,
  EffectiveConfig,
  KindMatcher,
  LinterOptions,
  PathMatcher,
  PresetResolver,
  RawConfig,
  RawOverride,
  ResolvedRule,
  RuleOptions,
  RuleSetting,
} from './types.js';
export {
  DEFAULT_LINTER_OPTIONS,
  checkRules,
  defaultOptions,
  parseRuleSetting,
  parseSeverity,
  resolveRuleKey,
  validateConfig,
  validateRuleOptions,
  type NormalizedConfig,
  type NormalizedOverride,
  type RuleChange,
  type RuleSettingsSource,
} from './validate.js';

import { type AnyRule } from '../kit/index.js';
import assignmentSpace from './assignment-space.js';
import arrayWithoutIndex from './array-without-index.js';
import arraySplitAssignment from './array-split-assignment.js';
import arrayToString from './array-to-string.js';
import selfAssignment from './self-assignment.js';
import xPrefixComparison from './x-prefix-comparison.js';
import uselessEcho from './useless-echo.js';
import findPath from './find-path.js';
import exitStatusCheck from './exit-status-check.js';
import uselessCat from './useless-cat.js';
import singleQuotedExpansion from './single-quoted-expansion.js';
import patternExpansionQuoted from './pattern-expansion-quoted.js';
import casePatternShadowed from './case-pattern-shadowed.js';
import cdChecked from './cd-checked.js';
import composeV2 from './compose-v2.js';
import declareMasksStatus from './declare-masks-status.js';
import destructiveDocker from './destructive-docker.js';
import exitStatusRange from './exit-status-range.js';
import forQuotedList from './for-quoted-list.js';
import forSingleItem from './for-single-item.js';
import noBackticks from './no-backticks.js';
import noCommandsAfterExec from './no-commands-after-exec.js';
import noCurlPipeShell from './no-curl-pipe-shell.js';
import noPasswordArgument from './no-password-argument.js';
import noPrivilegedRun from './no-privileged-run.js';
import noSleepForReadiness from './no-sleep-for-readiness.js';
import prefixAssignmentScope from './prefix-assignment-scope.js';
import quoteExpansions from './quote-expansions.js';
import rmUnsetVar from './rm-unset-var.js';
import shebang from './shebang.js';
import shellcheck from './shellcheck.js';
import strictMode from './strict-mode.js';
import syntax from './syntax.js';
import unusedVariable from './unused-variable.js';
import unassignedVariable from './unassigned-variable.js';
import misspelledVariable from './misspelled-variable.js';
import grepPatternQuoted from './grep-pattern-quoted.js';
import negationErrexit from './negation-errexit.js';
import globAsOption from './glob-as-option.js';
import andOrTernary from './and-or-ternary.js';
import parseLs from './parse-ls.js';
import groupRedirects from './group-redirects.js';
import unfollowedSource from './unfollowed-source.js';

/** Every `shell/…` rule. */
export const shellRules: AnyRule[] = [
  syntax,
  strictMode,
  shebang,
  quoteExpansions,
  noCurlPipeShell,
  composeV2,
  noSleepForReadiness,
  noPasswordArgument,
  destructiveDocker,
  noPrivilegedRun,
  rmUnsetVar,
  cdChecked,
  forQuotedList,
  forSingleItem,
  exitStatusRange,
  noCommandsAfterExec,
  casePatternShadowed,
  unusedVariable,
  noBackticks,
  declareMasksStatus,
  assignmentSpace,
  prefixAssignmentScope,
  arrayWithoutIndex,
  arraySplitAssignment,
  arrayToString,
  selfAssignment,
  xPrefixComparison,
  uselessEcho,
  findPath,
  exitStatusCheck,
  uselessCat,
  singleQuotedExpansion,
  patternExpansionQuoted,
  unassignedVariable,
  misspelledVariable,
  grepPatternQuoted,
  negationErrexit,
  globAsOption,
  andOrTernary,
  parseLs,
  groupRedirects,
  unfollowedSource,
  shellcheck,
];

// The rule table: every diagnostic code the project publishes, in the order the docs list them.
import { Rule } from './rule';
import type { RuleCode } from '../model';
import { rule as movedTemporarily } from './movedTemporarily';
import { rule as missingContact } from './missingContact';
import { rule as serviceUnavailable } from './serviceUnavailable';
import { rule as missingRetryAfter } from './missingRetryAfter';
import { rule as contactNotTried } from './contactNotTried';
import { rule as contactCached } from './contactCached';
import { rule as retryTooEarly } from './retryTooEarly';
import { rule as noFailover } from './noFailover';
import { rule as sentDuringRetryAfter } from './sentDuringRetryAfter';
import { rule as persistent503 } from './persistent503';
import { rule as retrySameBranch } from './retrySameBranch';
import { rule as ackMissing } from './ackMissing';
import { rule as cseqNotIncremented } from './cseqNotIncremented';
import { rule as proxyForwarded503 } from './proxyForwarded503';
import { rule as responseMissingHeader } from './responseMissingHeader';
import { rule as responseMissingToTag } from './responseMissingToTag';
import { rule as viaBranchCookie } from './viaBranchCookie';
import { rule as inviteContactCount } from './inviteContactCount';
import { rule as duplicateHeader } from './duplicateHeader';
import { rule as contentLengthMissingStream } from './contentLengthMissingStream';
import { rule as unknownStatusCode } from './unknownStatusCode';
import { rule as requestLineMalformed } from './requestLineMalformed';
import { rule as requestLineInvalidUri } from './requestLineInvalidUri';
import { rule as statusLineMalformed } from './statusLineMalformed';
import { rule as versionUnsupported } from './versionUnsupported';
import { rule as headerMalformed } from './headerMalformed';
import { rule as contentLengthInvalid } from './contentLengthInvalid';
import { rule as contentLengthTruncatedBody } from './contentLengthTruncatedBody';
import { rule as contentLengthExtraBody } from './contentLengthExtraBody';
import { rule as missingMandatoryHeader } from './missingMandatoryHeader';
import { rule as cseqMethodMismatch } from './cseqMethodMismatch';
import { rule as cseqInvalid } from './cseqInvalid';
import { rule as maxForwardsInvalid } from './maxForwardsInvalid';
import { rule as viaMalformed } from './viaMalformed';
import { rule as emptyElement } from './emptyElement';
import { rule as unterminatedQuote } from './unterminatedQuote';
import { rule as addressMalformed } from './addressMalformed';
import { rule as dateInvalid } from './dateInvalid';
import { rule as warningHeaderInvalid } from './warningHeaderInvalid';
import { rule as retryAfterInvalid } from './retryAfterInvalid';
import { rule as valueOutOfRange } from './valueOutOfRange';
import { rule as framingByteCount } from './framingByteCount';
import { rule as messageTruncated } from './messageTruncated';
import { rule as traceBinaryContent } from './traceBinaryContent';
import { rule as traceNoMessages } from './traceNoMessages';
import { rule as tooManyFindings } from './tooManyFindings';

export const RULES = [
  movedTemporarily,
  missingContact,
  serviceUnavailable,
  missingRetryAfter,
  contactNotTried,
  contactCached,
  retryTooEarly,
  noFailover,
  sentDuringRetryAfter,
  persistent503,
  retrySameBranch,
  ackMissing,
  cseqNotIncremented,
  proxyForwarded503,
  requestLineMalformed,
  requestLineInvalidUri,
  statusLineMalformed,
  versionUnsupported,
  headerMalformed,
  contentLengthInvalid,
  contentLengthTruncatedBody,
  contentLengthExtraBody,
  missingMandatoryHeader,
  cseqMethodMismatch,
  responseMissingHeader,
  responseMissingToTag,
  viaBranchCookie,
  inviteContactCount,
  duplicateHeader,
  contentLengthMissingStream,
  unknownStatusCode,
  cseqInvalid,
  maxForwardsInvalid,
  viaMalformed,
  emptyElement,
  unterminatedQuote,
  addressMalformed,
  dateInvalid,
  warningHeaderInvalid,
  retryAfterInvalid,
  valueOutOfRange,
  messageTruncated,
  framingByteCount,
  traceBinaryContent,
  traceNoMessages,
  tooManyFindings,
] as const;

declare module '../model' {
  /** Every code of the table, so that RuleCode is the union of them. */
  interface RuleCodes extends Record<(typeof RULES)[number]['code'], true> {}
}

/** Looked up by codes from outside (settings, LSP diagnostics), which may be any string. */
export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r): [RuleCode, Rule] => [r.code, r]));

export function isRuleCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && RULES_BY_CODE.has(code);
}

export type { Rule } from './rule';

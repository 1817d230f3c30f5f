/** Statement, Agent and Actor validation per the xAPI Data section (1.0.3 and 2.0.0). */
export {
  extendedTimestamp,
  hasControl,
  isDuration,
  isIri,
  isIrl,
  isLanguageTag,
  isMbox,
  isMediaType,
  isSha2Hex,
  isUuid,
  KEY_LIMITS,
  timestampProblem,
  utf8Bytes,
} from "./validate/formats.ts";
export {
  VOIDED_VERB,
  validateActor,
  validateAgent,
  validateStatement,
} from "./validate/statement.ts";

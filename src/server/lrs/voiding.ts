// Voiding (Data 2.3.2) as the statement store sees it: which statements void. (Which ids a
// stored voiding statement already targets is in statement-refs.ts.)
import type { Statement } from "../xapi/types.ts";
import { VOIDED_VERB } from "../xapi/validate.ts";

export const isVoiding = (s: Statement): boolean =>
  s.verb.id === VOIDED_VERB && (s.object as { objectType?: string }).objectType === "StatementRef";

// Whether a text cites a clause (rule R1). A clause is cited by its id as a number token, so
// "2.10-тармақ" cites 2.10 but not 2.1; the item-less sections 1 and 11 are cited as "1-бөлім".

const patterns = new Map<string, RegExp>();

function pattern(id: string): RegExp {
  let re = patterns.get(id);
  if (!re) {
    // Not preceded by a digit or a dot-digit run ("12.1"), not followed by more digits
    // ("2.10" for "2.1") or by ".digit"; a sentence-ending dot after the id is fine.
    // Clause ids are digits and one dot (schema), so the dot is the only character to escape.
    const token = id.includes(".") ? id.replace(".", "\\.") : `${id}-бөлім`;
    re = new RegExp(`(?<![\\p{N}.])${token}(?!\\p{N}|\\.\\p{N})`, "u");
    patterns.set(id, re);
  }
  return re;
}

export function cites(text: string, id: string): boolean {
  return pattern(id).test(text);
}

export function citesAny(text: string, ids: Iterable<string>): boolean {
  for (const id of ids) if (cites(text, id)) return true;
  return false;
}

/** The clauses of `ids` that a text cites, in the order of `ids`. */
export function citedClauses(text: string, ids: Iterable<string>): string[] {
  const found: string[] = [];
  for (const id of ids) if (cites(text, id)) found.push(id);
  return found;
}

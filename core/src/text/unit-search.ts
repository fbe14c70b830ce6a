import { acronymOf, expandAbbreviations, foldForMatch } from "./vietnamese";

// Words that name the kind of a unit rather than the unit: "Sở Nội vụ" is also known as "Nội vụ".
const KIND_PREFIXES = [
  "so",
  "ban",
  "phong",
  "chi cuc",
  "trung tam",
  "xa",
  "phuong",
  "huyen",
  "thi xa",
  "thanh pho",
  "tinh",
  "uy ban nhan dan",
  "ubnd",
];

/**
 * The text search matches for a unit: tokens separated by "|" so that an exact token ("snv") can be
 * told apart from a substring. Includes folded names, aliases, acronyms and expanded abbreviations.
 */
export function buildUnitSearchText({
  name,
  shortName,
  aliases,
  code,
}: {
  name: string;
  shortName?: string | null;
  aliases?: readonly string[];
  code?: string | null;
}): string {
  const tokens = new Set<string>();
  const add = (raw: string | null | undefined) => {
    if (!raw) return;
    const folded = foldForMatch(raw);
    if (!folded) return;
    tokens.add(folded);
    const expanded = expandAbbreviations(folded);
    if (expanded !== folded) tokens.add(expanded);
    const acronym = acronymOf(expanded);
    if (acronym.length >= 2) tokens.add(acronym);
    for (const prefix of KIND_PREFIXES) {
      if (expanded.startsWith(`${prefix} `)) tokens.add(expanded.slice(prefix.length + 1));
    }
  };
  add(name);
  add(shortName);
  for (const alias of aliases ?? []) add(alias);
  if (code) tokens.add(foldForMatch(code));
  return `|${[...tokens].join("|")}|`;
}

/** The forms of a query to look for in a search text: as typed and with abbreviations expanded. */
export function searchQueryForms(query: string): string[] {
  const folded = foldForMatch(query);
  if (!folded) return [];
  const expanded = expandAbbreviations(folded);
  return expanded === folded ? [folded] : [folded, expanded];
}

/**
 * Vietnamese order in the database. The embedded database (PGlite) has no ICU collations, so
 * `ORDER BY name` cannot give Vietnamese order there ("Đak Pơ" came before "Đak Đoa"). Instead each
 * sorted name has a sort key whose plain byte order (`COLLATE "C"`) is the order of
 * `compareVietnamese` (Intl.Collator "vi", numeric): the same on PGlite and PostgreSQL.
 *
 * The database computes the key itself: migration 0014 defines the SQL function
 * `vietnamese_sort_key(text)` with the tables below written out, and generated columns `sort_key`
 * call it, so no writer can forget the key. This file is the specification: `vietnameseSortKey` must
 * return exactly what the SQL function returns (a test compares them on both databases), and the
 * order of its keys must be the collator's order (a property test compares them). Changing the
 * tables takes a new migration that replaces the function (with vietnameseSortKeySql's text) and
 * recomputes the generated columns; a shipped migration is never edited.
 *
 * The key is three levels, as the collator compares:
 *   1. letters in the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), ignoring tone and
 *      case; white space before punctuation before numbers before letters; a run of digits is one
 *      number compared by value ("Phường 2" before "Phường 10"; leading zeros do not count);
 *   2. tones, letter by letter (none, huyền, hỏi, ngã, sắc, nặng), and curly against straight quotes;
 *   3. case (lower before upper) and the no-break space.
 * Levels are separated by a space, lower than every code of the first level, so a name sorts before
 * its continuations ("An" before "An Nhơn"). Characters outside these tables (other scripts, foreign
 * accented letters) stay as they are and sort after every letter.
 */

/** The Vietnamese alphabet with f, j, w, z (found in foreign names), in order. */
const LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
/** Tone marks in the order of the second level: huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
const TONED = "aăâeêioôơuưy";
/** White space and punctuation in the collator's order (checked by a test). */
const WHITE_SPACE = "\t\n\u000b\f\r ";
const PUNCTUATION = "_-–—,;:!?.…·'\"«»()[]{}§@*/\\&#%•`^°+<=>|~$";
/** Characters the first level does not tell from another: [variant, the one it sorts with, level 2, level 3]. */
const VARIANTS: ReadonlyArray<readonly [string, string, string, string]> = [
  ["\u00a0", " ", "0", "1"],
  ["‘", "'", "1", "0"],
  ["’", "'", "2", "0"],
  ["“", '"', "1", "0"],
  ["”", '"', "2", "0"],
];
/** Stands for "a number follows" in the first level: after punctuation, before letters. */
const NUMBER = "\u0000";
const PRIMARY_ORDER = `${WHITE_SPACE}${PUNCTUATION}${NUMBER}${LETTERS}`;
const FIRST_CODE = 0x21;
const LEVEL_SEPARATOR = " ";

const code = (c: string) => String.fromCharCode(FIRST_CODE + PRIMARY_ORDER.indexOf(c));

/** The three translation tables, each as PostgreSQL's translate(text, from, to) takes them. */
export interface SortKeyTables {
  primary: { from: string; to: string };
  numberMark: string;
  secondary: { from: string; to: string };
  tertiary: { from: string; to: string };
}

function buildTables(): SortKeyTables {
  const p: [string, string][] = [];
  const s: [string, string][] = [];
  const t: [string, string][] = [];
  for (const letter of LETTERS) {
    const forms: Array<[string, string]> = [[letter, "0"]];
    if (TONED.includes(letter))
      for (const [i, mark] of TONE_MARKS.entries())
        forms.push([`${letter}${mark}`.normalize("NFC"), String(i + 1)]);
    for (const [form, tone] of forms) {
      for (const [cased, level3] of [
        [form, "0"],
        [form.toUpperCase().normalize("NFC"), "1"],
      ]) {
        p.push([cased, code(letter)]);
        s.push([cased, tone]);
        t.push([cased, level3]);
      }
    }
  }
  for (const c of `${WHITE_SPACE}${PUNCTUATION}`) {
    p.push([c, code(c)]);
    s.push([c, "0"]);
    t.push([c, "0"]);
  }
  for (const [variant, base, level2, level3] of VARIANTS) {
    p.push([variant, code(base)]);
    s.push([variant, level2]);
    t.push([variant, level3]);
  }
  // Digits have no place in the second and third levels (a number compares by value only): listed
  // in `from` past the end of `to`, translate() deletes them.
  const digits = "0123456789";
  // translate() looks each character up from the start of `from`: the most frequent first (plain
  // lower-case letters and the space, then capitals) makes the SQL function several times faster.
  const rank = (c: string) => (/[a-z ]/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : 2);
  const join = (pairs: [string, string][], drop = "") => {
    const ordered = [...pairs].sort(([a], [b]) => rank(a) - rank(b));
    return { from: ordered.map(([f]) => f).join("") + drop, to: ordered.map(([, x]) => x).join("") };
  };
  return {
    primary: join(p),
    numberMark: code(NUMBER),
    secondary: join(s, digits),
    tertiary: join(t, digits),
  };
}

export const SORT_KEY_TABLES: SortKeyTables = buildTables();

/** PostgreSQL's translate(): each character found in `from` becomes the one at its place in `to`, or goes. */
function translator({ from, to }: { from: string; to: string }) {
  const map = new Map<string, string>();
  const fromChars = [...from];
  const toChars = [...to];
  fromChars.forEach((c, i) => {
    if (!map.has(c)) map.set(c, toChars[i] ?? "");
  });
  return (text: string) => {
    let out = "";
    for (const c of text) out += map.get(c) ?? c;
    return out;
  };
}

const primaryOf = translator(SORT_KEY_TABLES.primary);
const secondaryOf = translator(SORT_KEY_TABLES.secondary);
const tertiaryOf = translator(SORT_KEY_TABLES.tertiary);

/** A run of digits as one number: its length (3 digits) then its digits, without leading zeros. */
function numberKey(digits: string): string {
  const significant = digits.replace(/^0+/, "");
  return `${SORT_KEY_TABLES.numberMark}${String(Math.min(significant.length, 999)).padStart(3, "0")}${significant}`;
}

/**
 * The sort key of a name: comparing keys byte by byte (`COLLATE "C"`) orders names as
 * `compareVietnamese` does. Identical to the SQL function `vietnamese_sort_key`.
 */
export function vietnameseSortKey(name: string): string {
  const text = name.normalize("NFC");
  const primary = (text.match(/[0-9]+|[^0-9]+/g) ?? [])
    .map((part) => (/^[0-9]/.test(part) ? numberKey(part) : primaryOf(part)))
    .join("");
  return `${primary}${LEVEL_SEPARATOR}${secondaryOf(text)}${LEVEL_SEPARATOR}${tertiaryOf(text)}`;
}

/** Byte order of two keys, as PostgreSQL compares them under `COLLATE "C"` (code points = UTF-8 order). */
export function compareSortKeys(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

/** The SQL function `vietnamese_sort_key`, as migration 0014 creates it (kept here so a test can check it). */
export function vietnameseSortKeySql(): string {
  // An escaped literal: white space and marks written as \uXXXX, so the file has no invisible characters.
  const lit = (s: string) =>
    `E'${[...s]
      .map((c) =>
        c === "'"
          ? "''"
          : c === "\\"
            ? "\\\\"
            : c === " " || /[\p{L}\p{N}\p{P}\p{S}]/u.test(c)
              ? c
              : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      )
      .join("")}'`;
  const { primary, numberMark, secondary, tertiary } = SORT_KEY_TABLES;
  // Normalised once; the digit runs are split out only when there are digits (most names have none).
  return `CREATE OR REPLACE FUNCTION "vietnamese_sort_key"("name" text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
  SELECT CASE WHEN n.s ~ '[0-9]' THEN (
      SELECT string_agg(
        CASE WHEN m.part[1] ~ '^[0-9]'
          THEN ${lit(numberMark)} || lpad(least(length(ltrim(m.part[1], '0')), 999)::text, 3, '0') || ltrim(m.part[1], '0')
          ELSE translate(m.part[1], ${lit(primary.from)}, ${lit(primary.to)})
        END, '' ORDER BY m.i)
      FROM regexp_matches(n.s, '[0-9]+|[^0-9]+', 'g') WITH ORDINALITY AS m(part, i))
    ELSE translate(n.s, ${lit(primary.from)}, ${lit(primary.to)}) END
  || ' ' || translate(n.s, ${lit(secondary.from)}, ${lit(secondary.to)})
  || ' ' || translate(n.s, ${lit(tertiary.from)}, ${lit(tertiary.to)})
  FROM (SELECT normalize("name", NFC) AS s) AS n
$fn$`;
}

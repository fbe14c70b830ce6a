/**
 * Garbled Vietnamese: text in an old 8-bit encoding (TCVN3/ABC, VNI) read as Latin-1, UTF-8 read as
 * Latin-1, or a PDF whose fonts were substituted (letters turned into "?", symbols or look-alikes in
 * the middle of words). Such text must never be extracted silently: it is repaired when a known
 * encoding turns the whole of it into clean Vietnamese, otherwise reported in Vietnamese with its page.
 */
import type { Block, DocumentModel } from "./model";

/** Precomposed Latin-1 letters that Vietnamese uses; every other Latin-1 letter or symbol is suspect. */
const VIETNAMESE_LATIN1 = new Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý");

// TCVN 5712:1993 (VN3, the "ABC" fonts .VnTime): one byte per letter.
const TCVN3_PAIRS =
  "¸á µà ¶ả ·ã ¹ạ ¨ă ¾ắ »ằ ¼ẳ ½ẵ Æặ ©â Êấ Çầ Èẩ Éẫ Ëậ ®đ Ðé Ìè Îẻ Ïẽ Ñẹ ªê Õế Òề Óể Ôễ Öệ Ýí ×ì Øỉ Üĩ Þị " +
  "ãó ßò áỏ âõ äọ «ô èố åồ æổ çỗ éộ ¬ơ íớ êờ ëở ìỡ îợ óú ïù ñủ òũ ôụ \u00ADư øứ õừ öử ÷ữ ùự ýý úỳ ûỷ üỹ þỵ " +
  "¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư";
const TCVN3 = new Map<string, string>(
  TCVN3_PAIRS.split(" ")
    .filter(Boolean)
    .map((p) => [p[0], p.slice(1)]),
);

// VNI Windows: a base letter followed by a modifier byte; a few letters stand alone.
const VNI_MARKS: Record<string, string> = {
  ù: "\u0301",
  ø: "\u0300",
  û: "\u0309",
  õ: "\u0303",
  ï: "\u0323",
  â: "\u0302",
  á: "\u0302\u0301",
  à: "\u0302\u0300",
  å: "\u0302\u0309",
  ã: "\u0302\u0303",
  ä: "\u0302\u0323",
  ê: "\u0306",
  é: "\u0306\u0301",
  è: "\u0306\u0300",
  ú: "\u0306\u0309",
  ü: "\u0306\u0303",
  ë: "\u0306\u0323",
  Ù: "\u0301",
  Ø: "\u0300",
  Û: "\u0309",
  Õ: "\u0303",
  Ï: "\u0323",
  Â: "\u0302",
  Á: "\u0302\u0301",
  À: "\u0302\u0300",
  Å: "\u0302\u0309",
  Ã: "\u0302\u0303",
  Ä: "\u0302\u0323",
  Ê: "\u0306",
  É: "\u0306\u0301",
  È: "\u0306\u0300",
  Ú: "\u0306\u0309",
  Ü: "\u0306\u0303",
  Ë: "\u0306\u0323",
};
const VNI_LETTERS: Record<string, string> = {
  ô: "ơ",
  ö: "ư",
  ñ: "đ",
  í: "í",
  ì: "ì",
  æ: "ỉ",
  ó: "ĩ",
  ò: "ị",
  î: "ỵ",
  Ô: "Ơ",
  Ö: "Ư",
  Ñ: "Đ",
  Í: "Í",
  Ì: "Ì",
  Æ: "Ỉ",
  Ó: "Ĩ",
  Ò: "Ị",
  Î: "Ỵ",
};
const VOWEL = /[aeiouyơưAEIOUYƠƯ]$/u;

export function decodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return out;
}

export function decodeVni(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const mark = VNI_MARKS[ch];
    const last = out[out.length - 1] ?? "";
    const base = last.normalize("NFD").replace(/[\u0300-\u036f]+$/u, "");
    if (mark && VOWEL.test(base)) {
      // Circumflex and breve sit on a, e, o only; tones on any vowel.
      if (/^\u0302|^\u0306/u.test(mark) && !/[aeoAEO]$/.test(base)) out.push(ch);
      else out[out.length - 1] = (last + mark).normalize("NFC");
    } else out.push(VNI_LETTERS[ch] ?? ch);
  }
  return out.join("").normalize("NFC");
}

/** UTF-8 bytes read as Latin-1 or Windows-1252 ("TiÃªn" for "Tiên"); null when they are not. */
export function decodeUtf8Mojibake(text: string): string | null {
  const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0xff) bytes.push(code);
    else {
      const k = CP1252.indexOf(ch);
      if (k < 0) return null;
      bytes.push(0x80 + k);
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

export interface GarbleScore {
  letters: number;
  /** Suspect characters: Latin-1 letters and symbols Vietnamese never uses, "?" or U+FFFD inside words. */
  suspect: number;
  /** Words carrying a Vietnamese diacritic: real Vietnamese has many. */
  vietnameseWords: number;
  /**
   * Pieces of words a substituted font leaves: a syllable without its vowel ("thi n", "Ch s"), a toned
   * vowel standing alone or stuck to a number ("ệ", "2024ậ"), where the font's letters went elsewhere.
   */
  broken: number;
  words: number;
  examples: string[];
}

export function scoreText(text: string): GarbleScore {
  let letters = 0;
  let suspect = 0;
  let vietnameseWords = 0;
  let words = 0;
  let broken = 0;
  const examples: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (isBrokenPiece(word)) {
      broken++;
      if (examples.length < 3) examples.push(word);
    }
    let bad = 0;
    let hasLetter = false;
    let viet = false;
    const chars = [...word];
    chars.forEach((ch, k) => {
      const code = ch.codePointAt(0) ?? 0;
      if (/\p{L}/u.test(ch)) {
        letters++;
        hasLetter = true;
        if (code >= 0xc0 && code <= 0xff && !VIETNAMESE_LATIN1.has(ch)) bad++;
        else if (code > 0x7f) viet = true;
      } else if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) bad++;
      else if (code >= 0xa1 && code <= 0xbf && code !== 0xab && code !== 0xbb) bad++;
      else if (ch === "?" && /\p{L}/u.test(chars[k - 1] ?? "") && /\p{L}/u.test(chars[k + 1] ?? "")) bad++;
    });
    if (!hasLetter) continue;
    words++;
    if (viet && !bad) vietnameseWords++;
    if (bad) {
      suspect += bad;
      if (examples.length < 3) examples.push(word);
    }
  }
  return { letters, suspect, vietnameseWords, words, broken, examples };
}

const VOWELS = /[aeiouy]/;
const LONE_WORDS = new Set(["à", "ạ", "ở", "ý", "ừ", "ồ", "ơ", "ư", "ô", "ê"]);

function isBrokenPiece(word: string): boolean {
  // List numbering ("b)", "c.") is no word.
  if (/^[^\p{L}]*\p{Ll}[).]$/u.test(word)) return false;
  const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (!core) return false;
  const bare = core
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d");
  // A lower-case syllable with no vowel: Vietnamese has none ("thi n", "Ch s").
  if (/^\p{Ll}{1,3}$/u.test(core) && !VOWELS.test(bare)) return true;
  // A toned vowel alone, or glued to a number ("2024ậ").
  if ([...core].length === 1 && core !== bare && !LONE_WORDS.has(core)) return true;
  return /\d\p{L}$/u.test(core) && /[\u0300-\u036f]$/u.test(core.normalize("NFD"));
}

/** Garbled when more than one letter in a hundred is suspect (a stray symbol is not enough). */
export function isGarbled(s: GarbleScore): boolean {
  if (s.letters >= 20 && s.suspect >= 3 && s.suspect / s.letters > 0.01) return true;
  return s.broken >= 5 && s.broken / Math.max(1, s.words) > 0.02;
}

/** Clean: nothing suspect, many words with Vietnamese letters, and (nearly) no word with two tones. */
const isClean = (text: string) => {
  const s = scoreText(text);
  if (s.suspect > 0 || s.broken > 0 || !s.words || s.vietnameseWords / s.words < 0.2) return false;
  let twoTones = 0;
  for (const word of text.split(/\s+/)) {
    if ((word.normalize("NFD").match(/[\u0300\u0301\u0303\u0309\u0323]/gu) ?? []).length > 1) twoTones++;
  }
  return twoTones <= s.words * 0.005;
};

const DECODERS: ReadonlyArray<readonly [string, (t: string) => string | null]> = [
  // Old converters wrote the Icelandic "Ð" (U+00D0) for "Đ": the rest of the text is fine.
  ["Ð", (t) => t.replace(/Ð/g, "Đ").replace(/ð/g, "đ")],
  ["TCVN3 (ABC)", decodeTcvn3],
  ["VNI", decodeVni],
  ["UTF-8 đọc nhầm", decodeUtf8Mojibake],
];

/** The decoder that turns the whole text into clean Vietnamese, if one does. */
export function repairGarbled(text: string): { text: string; encoding: string } | null {
  for (const [encoding, decode] of DECODERS) {
    const out = decode(text);
    if (out !== null && out !== text && isClean(out)) return { text: out, encoding };
  }
  return null;
}

function blockText(b: Block): string {
  return b.kind === "paragraph" ? b.text : b.rows.map((r) => r.map((c) => c.text).join(" ")).join("\n");
}

function mapBlock(b: Block, f: (t: string) => string): Block {
  return b.kind === "paragraph"
    ? { ...b, text: f(b.text) }
    : { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c, text: f(c.text) }))) };
}

/**
 * Checks the document page by page (the whole text when pages are not known): a garbled page is
 * converted when one encoding turns all of it into clean Vietnamese, otherwise it is reported.
 */
export function checkGarbledText(doc: DocumentModel): DocumentModel {
  const groups = new Map<number, number[]>();
  doc.blocks.forEach((b, i) => {
    const page = b.source.page ?? 0;
    groups.set(page, [...(groups.get(page) ?? []), i]);
  });
  const blocks = [...doc.blocks];
  const warnings: string[] = [];
  const repaired: Array<{ page: number; encoding: string }> = [];
  const broken: Array<{ page: number; line?: number; examples: string[] }> = [];
  for (const [page, indices] of groups) {
    const text = indices.map((i) => blockText(blocks[i])).join("\n");
    const score = scoreText(text);
    if (!isGarbled(score)) continue;
    const fix = repairGarbled(text);
    if (fix) {
      const decode = DECODERS.find(([name]) => name === fix.encoding)?.[1];
      for (const i of indices) blocks[i] = mapBlock(blocks[i], (t) => decode?.(t) ?? t);
      repaired.push({ page, encoding: fix.encoding });
    } else {
      const first = indices.find((i) => scoreText(blockText(blocks[i])).suspect > 0);
      broken.push({
        page,
        line: first === undefined ? undefined : blocks[first].source.line,
        examples: score.examples,
      });
    }
  }
  // One warning per kind of fault, naming every page it touches.
  const byNote = new Map<string, number[]>();
  for (const r of repaired) {
    const note =
      r.encoding === "Ð"
        ? "chữ “Ð” được dùng thay cho “Đ”; đã sửa, cần đối chiếu với văn bản gốc."
        : `chữ viết bằng bảng mã ${r.encoding}; đã chuyển sang Unicode, cần đối chiếu với văn bản gốc.`;
    byNote.set(note, [...(byNote.get(note) ?? []), r.page]);
  }
  for (const [note, pages] of byNote) warnings.push(`${where(pages)}${note}`);
  if (broken.length) {
    const examples = broken[0].examples.map((e) => `"${e}"`).join(", ");
    warnings.push(
      `${where(
        broken.map((b) => b.page),
        broken[0].line,
      )}chữ bị lỗi phông, không đọc được đúng tiếng Việt (ví dụ: ${examples}); nội dung trích ra từ phần này không đáng tin, hãy dùng bản Word hoặc PDF gốc.`,
    );
  }
  if (!warnings.length) return doc;
  return { ...doc, blocks, warnings: [...doc.warnings, ...warnings] };
}

function where(pages: number[], line?: number): string {
  const known = pages.filter((p) => p > 0).sort((a, b) => a - b);
  if (known.length) return `Trang ${known.join(", ")}: `;
  return line ? `Từ dòng ${line}: ` : "Văn bản: ";
}

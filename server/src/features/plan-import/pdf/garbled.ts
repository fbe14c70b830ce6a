/**
 * A page whose fonts map characters wrongly (no ToUnicode table, a substituted font, TCVN3/VNI
 * legacy encodings) gives text of the wrong characters, not an error: glyph numbers read as
 * punctuation ("+,-%,.$/$0$12"), or Latin-1 letters Vietnamese never writes ("Uû ban nh©n d©n").
 * This minimal per-page check of the reader counts such characters; it repairs nothing.
 */

// Letters Vietnamese writes, precomposed; Ð (U+00D0) is a common stand-in for Đ.
const VIETNAMESE = /[A-Za-zÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưÐ\u1EA0-\u1EF9]/u;
/** The combining tone marks of decomposed Vietnamese (grave, acute, tilde, hook above, dot below). */
const isToneMark = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x300 && c <= 0x309) || c === 0x323;
};
const LETTER = /[\p{L}\p{M}]/u;
// Symbols running text almost never strings together; private use, replacement and control characters.
const ODD = /[!#$&*+<=>?@[\]^_`{|}~\\\p{Co}\p{Cc}\uFFFD\u00A1-\u00BF\u00D7\u00F7]/u;

/** A short sample of the page's text when it looks garbled, else null. */
export function garbledSample(text: string): string | null {
  let visible = 0;
  let wordy = 0;
  let odd = 0;
  let firstOdd = -1;
  let i = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) {
      visible++;
      if (/[0-9]/.test(ch) || (LETTER.test(ch) && (VIETNAMESE.test(ch) || isToneMark(ch)))) wordy++;
      else if (LETTER.test(ch) || ODD.test(ch)) {
        odd++;
        if (firstOdd < 0) firstOdd = i;
      }
    }
    i += ch.length;
  }
  if (visible < 40 || (odd / visible <= 0.12 && wordy / visible >= 0.45)) return null;
  const start = Math.max(0, firstOdd < 0 ? 0 : firstOdd - 10);
  // Control characters shown as the replacement mark, so the sample reads as garbled, not blank.
  return text
    .slice(start, start + 40)
    .replace(/\p{Cc}/gu, (c) => (/\s/.test(c) ? " " : "\uFFFD"))
    .replace(/\s+/g, " ")
    .trim();
}

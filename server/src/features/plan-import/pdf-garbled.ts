/**
 * A page whose fonts map characters wrongly (no ToUnicode table, a substituted font, TCVN3/VNI
 * legacy encodings) gives text of the wrong letters, not an error. Vietnamese uses a known set of
 * letters: when too many of a page's letters fall outside it, the page is reported, with a sample.
 * A minimal per-page check of the reader; it repairs nothing.
 */

// Latin letters Vietnamese writes, precomposed or with combining marks; Ð (U+00D0) is a common Đ.
const VIETNAMESE =
  /[A-Za-zÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưÐ\u1EA0-\u1EF9\u0300-\u0309\u0323]/u;
const LETTER_OR_ODD = /[\p{L}\p{Co}\uFFFD\u0080-\u009F]/u;

/** A short sample of the page's text when its letters look garbled, else null. */
export function garbledSample(text: string): string | null {
  let letters = 0;
  let odd = 0;
  let firstOdd = -1;
  let i = 0;
  for (const ch of text) {
    if (LETTER_OR_ODD.test(ch) || /[\u00A1-\u00BF\u00D7\u00F7]/.test(ch)) {
      letters++;
      if (!VIETNAMESE.test(ch)) {
        odd++;
        if (firstOdd < 0) firstOdd = i;
      }
    }
    i += ch.length;
  }
  if (letters < 30 || odd / letters < 0.08) return null;
  const start = Math.max(0, firstOdd - 10);
  return text.slice(start, start + 40).replace(/\s+/g, " ").trim();
}

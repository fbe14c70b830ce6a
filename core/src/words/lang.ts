/** The two languages of the interface; Vietnamese is the default and the language of documents. */
export type Lang = "vi" | "en";

/** "en" only when the interface is in English; anything else (undefined, "vi-VN") is Vietnamese. */
export const langOf = (language: string | null | undefined): Lang =>
  language?.startsWith("en") ? "en" : "vi";

/** A file's size as people read it: "850 KB", "3,4 MB" (decimal comma). */
export const fileSize = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`
    : `${Math.max(1, Math.round(n / 1024))} KB`;

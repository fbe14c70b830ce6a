// Progress goes to stderr so that `--json` keeps stdout to exactly one document.
export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

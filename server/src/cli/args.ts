/** A small argv reader: positionals, `--flag`, `--key value` and `--key=value`. */
export function parseArgs(argv: string[]) {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--") && !BOOLEAN_FLAGS.has(arg.slice(2)))
        flags.set(arg.slice(2), argv[++i]);
      else flags.set(arg.slice(2), true);
    } else positionals.push(arg);
  }
  return {
    positionals,
    has: (name: string) => flags.has(name),
    string: (name: string) => {
      const v = flags.get(name);
      return typeof v === "string" ? v : undefined;
    },
    flagNames: () => [...flags.keys()],
  };
}

const BOOLEAN_FLAGS = new Set(["json", "dry-run", "force", "help"]);

export type Args = ReturnType<typeof parseArgs>;

/** A command failure to report to the user (exit code 1 or 2), never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

import { enableVietnameseValidationMessages } from "../../../core/src/api/zod-locale";
import { setProvinceTimeZone } from "../app/clock";
import { loadConfig } from "../app/config";
import { openDatabase } from "../app/db";
import { AppError } from "../app/errors";
import { type Args, CliError, parseArgs } from "./args";
import { COMMANDS, type Command } from "./commands";

const HELP = `ChiSo — dòng lệnh quản trị / administration command line

Cách dùng: npm run chiso -- <lệnh> [tham số] [--json]

${COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`).join("\n")}

Với --json, lệnh in đúng một tài liệu JSON ra stdout. / With --json a command prints one JSON document on stdout.
Cơ sở dữ liệu: DATABASE_URL (PostgreSQL) hoặc DATA_DIR (nhúng, mặc định ./data).`;

function findCommand(positionals: string[]): { command: Command; rest: string[] } | null {
  for (const command of COMMANDS) {
    const words = command.name.split(" ");
    if (words.every((w, i) => positionals[i] === w))
      return { command, rest: positionals.slice(words.length) };
  }
  return null;
}

async function run(args: Args) {
  const found = findCommand(args.positionals);
  if (!found || args.has("help")) {
    if (!found && args.positionals.length)
      throw new CliError(`Lệnh không hợp lệ: "${args.positionals.join(" ")}".\n\n${HELP}`, 2);
    console.error(HELP);
    return args.positionals.length ? 0 : 2;
  }
  const { command, rest } = found;
  const unknown = args.flagNames().filter((f) => f !== "json" && !command.flags.includes(f));
  if (unknown.length)
    throw new CliError(`Tham số không hợp lệ cho "${command.name}": --${unknown.join(", --")}`, 2);
  const config = loadConfig();
  setProvinceTimeZone(config.timeZone);
  const database = command.needsDatabase
    ? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 })
    : null;
  try {
    const result = await command.run({ args, rest, database, config });
    await writeAll(
      process.stdout,
      args.has("json") ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`,
    );
    return result.exitCode ?? 0;
  } finally {
    await database?.close();
  }
}

/**
 * Writes text and resolves once the stream has handed all of it to the system. On a pipe, Node
 * writes asynchronously: `process.exit` right after `write` dropped everything past the first 64 or
 * 128 KB (`plans extract --json | jq`), so the exit waits for this.
 */
export function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    // The reader closing the pipe early (`| head`) ends the wait too: there is nobody left to tell.
    stream.once("error", () => resolve());
    stream.write(text, () => resolve());
  });
}

enableVietnameseValidationMessages();
const args = parseArgs(process.argv.slice(2));
run(args)
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    const message =
      error instanceof CliError || error instanceof AppError
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
    if (args.has("json")) await writeAll(process.stdout, `${JSON.stringify({ error: { message } })}\n`);
    await writeAll(process.stderr, `Lỗi: ${message}\n`);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  });

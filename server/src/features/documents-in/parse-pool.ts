/**
 * Uploaded documents are parsed in child processes, never on the request's event loop: a 1 MB
 * spreadsheet expanding to 300 MB, or a 19 MB text plan, used to stall every user for 10-20 s.
 * Processes, not worker threads: ending a worker thread while it allocates can abort the whole
 * host process on Node 20 (a native assertion in NodePlatform::ForIsolate), so a time limit or a
 * memory limit reached by one upload took every user's server down. A killed child takes only itself.
 *
 * - Zip limits: the central directory is checked here before anything is queued (expanded size,
 *   entry count, ratio per entry), and the worker inflates each entry capped at its declared size.
 * - Time: a job still running after `timeoutMs` has its worker killed (SIGKILL; 400).
 * - Memory: each worker runs with a V8 heap limit (`--max-old-space-size`); running out ends that
 *   worker (400, told apart from a crash by V8's message on the worker's stderr).
 * - Queue: at most `concurrency` jobs at once per process, first come first served; at most
 *   `queueLimit` waiting, beyond which the answer is 503 "busy, try again".
 * Workers are kept for further jobs (starting one costs a few hundred ms) and replaced after a
 * failure, a timeout or `jobsPerWorker` jobs; idle ones are stopped after `idleMs`.
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AppError } from "../../app/errors";
import type { JobInput, JobName, JobOutput } from "./jobs";
import type { JobMessage, JobRequest } from "./parse-worker";
import { checkZipLimits, DEFAULT_ZIP_LIMITS, isZip, type ZipLimits } from "./zip-limits";

export interface ParsePoolOptions {
  concurrency: number;
  queueLimit: number;
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
  idleMs: number;
  jobsPerWorker: number;
  zip: ZipLimits;
}

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Defaults, each overridable by an environment variable (docs/ARCHITECTURE.md). */
export function parsePoolOptionsFromEnv(): ParsePoolOptions {
  return {
    // One core is left to the requests: on two cores, one parse at a time.
    concurrency: envNumber("PARSE_WORKERS", Math.max(1, Math.min(2, os.availableParallelism() - 1))),
    queueLimit: envNumber("PARSE_QUEUE", 8),
    timeoutMs: envNumber("PARSE_TIMEOUT_S", 30) * 1000,
    maxOldGenerationSizeMb: envNumber("PARSE_MEMORY_MB", 384),
    idleMs: 60_000,
    jobsPerWorker: 50,
    zip: { ...DEFAULT_ZIP_LIMITS, maxExpandedBytes: envNumber("PARSE_MAX_EXPANDED_MB", 100) * 1024 * 1024 },
  };
}

/**
 * The worker's entry. From sources (tsx, Vitest) this file is `parse-pool.ts` beside
 * `parse-worker.ts`, loaded through tsx's loader; from the bundle (`server/dist/main.js` or
 * `server/dist/cli/main.js`) it is `server/dist/parse-worker.js`, built by scripts/build-server.mjs.
 */
function workerEntry(): { url: URL; viaTsx: boolean } {
  const here = import.meta.url;
  if (here.endsWith(".ts")) return { url: new URL("./parse-worker.ts", here), viaTsx: true };
  for (const relative of ["./parse-worker.js", "../parse-worker.js"]) {
    const url = new URL(relative, here);
    if (existsSync(fileURLToPath(url))) return { url, viaTsx: false };
  }
  throw new Error(`parse-worker.js not found beside ${here}; rebuild with scripts/build-server.mjs`);
}

/** V8's words on stderr when a heap limit ends a process (then a native stack of a few KB). */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|allocation failed/i;

interface Worker {
  child: ChildProcess;
  /** Whether V8 said the worker ran out of its heap. */
  ranOutOfMemory: () => boolean;
}

function startWorker(maxOldGenerationSizeMb: number): Worker {
  const { url, viaTsx } = workerEntry();
  // The parent's own flags (Vitest's, a bench's --cpu-prof) are not passed on: only the limits,
  // and from sources tsx's loader (its ESM entry registers hooks for the child's imports).
  const execArgv = [`--max-old-space-size=${maxOldGenerationSizeMb}`, "--max-semi-space-size=16"];
  if (viaTsx)
    execArgv.push("--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href);
  const child = fork(fileURLToPath(url), [], {
    execArgv,
    // Uint8Array and nested plain data cross as they are (structured clone), not as JSON.
    serialization: "advanced",
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  // Each chunk is read with the end of the one before, so a message split across two is still seen.
  let tail = "";
  let ranOutOfMemory = false;
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    ranOutOfMemory ||= OUT_OF_MEMORY.test(tail + chunk);
    tail = chunk.slice(-64);
  });
  // A worker never keeps the host alive on its own: a running job holds its timer, the server its socket.
  child.unref();
  child.channel?.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  return { child, ranOutOfMemory: () => ranOutOfMemory };
}

interface Pending {
  name: JobName;
  input: unknown;
  onProgress?: (done: number, total: number) => void;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  jobs: number;
  idle: NodeJS.Timeout | null;
}

const busy = () =>
  new AppError(503, "upload.busy", "Máy chủ đang bận đọc các tệp khác, thử lại sau ít phút.");

export class ParsePool {
  private readonly queue: Pending[] = [];
  private readonly idle: Slot[] = [];
  private running = 0;
  private nextId = 1;

  constructor(readonly options: ParsePoolOptions) {}

  /** Jobs running and waiting, for tests and the bench. */
  get load() {
    return { running: this.running, queued: this.queue.length };
  }

  run<K extends JobName>(
    name: K,
    input: JobInput<K>,
    { onProgress }: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<JobOutput<K>> {
    const i = input as { data?: Uint8Array; file?: { data: Uint8Array } };
    const data = name === "planExtract" ? i.file?.data : i.data;
    // Refused at once, before queueing: a bomb never takes a worker's turn.
    try {
      if (data && isZip(data)) checkZipLimits(data, this.options.zip);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.running >= this.options.concurrency && this.queue.length >= this.options.queueLimit)
      return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      this.queue.push({ name, input, onProgress, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops every idle worker (running ones end with their job). */
  async close() {
    await Promise.all(
      this.idle.splice(0).map((slot) => {
        if (slot.idle) clearTimeout(slot.idle);
        return stop(slot.worker);
      }),
    );
  }

  private pump() {
    while (this.running < this.options.concurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.running++;
      this.execute(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private takeSlot(): Slot {
    const reused = this.idle.pop();
    if (reused) {
      if (reused.idle) clearTimeout(reused.idle);
      reused.idle = null;
      return reused;
    }
    const worker = startWorker(this.options.maxOldGenerationSizeMb);
    const slot: Slot = { worker, jobs: 0, idle: null };
    // A worker that fails or ends while idle is dropped, never an uncaught error here.
    const drop = () => {
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
      if (slot.idle) clearTimeout(slot.idle);
    };
    worker.child.on("error", drop);
    worker.child.on("exit", drop);
    return slot;
  }

  private release(slot: Slot) {
    if (slot.jobs >= this.options.jobsPerWorker) {
      void stop(slot.worker);
      return;
    }
    slot.idle = setTimeout(() => {
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
      void stop(slot.worker);
    }, this.options.idleMs);
    slot.idle.unref();
    this.idle.push(slot);
  }

  private execute(job: Pending): Promise<void> {
    let slot: Slot;
    try {
      slot = this.takeSlot();
    } catch (error) {
      job.reject(error);
      return Promise.resolve();
    }
    const { child } = slot.worker;
    const id = this.nextId++;
    slot.jobs++;
    return new Promise<void>((done) => {
      let settled = false;
      const finish = (outcome: { result: unknown } | { error: unknown }, keepWorker: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("error", onEnded);
        child.off("exit", onEnded);
        if (keepWorker) this.release(slot);
        else void stop(slot.worker);
        if ("result" in outcome) job.resolve(outcome.result);
        else job.reject(outcome.error);
        done();
      };
      const seconds = Math.round(this.options.timeoutMs / 1000);
      const timer = setTimeout(
        () =>
          finish(
            {
              error: new AppError(
                400,
                "upload.timeout",
                `Quá thời gian đọc tệp (${seconds} giây): tệp quá lớn hoặc quá phức tạp. Hãy chia nhỏ tệp rồi tải lên lại.`,
              ),
            },
            false,
          ),
        this.options.timeoutMs,
      );
      const onMessage = (message: JobMessage) => {
        if (message.id !== id) return;
        if (message.type === "progress") job.onProgress?.(message.done, message.total);
        else if (message.type === "done") finish({ result: message.result }, true);
        else finish({ error: new AppError(message.status, message.code, message.message) }, true);
      };
      // The worker ended (or could not start or be written to) before answering. Its stderr is read
      // once the pipe has drained, so that V8's out-of-memory message is there to be seen.
      const onEnded = () => {
        child.off("exit", onEnded);
        child.off("error", onEnded);
        const judge = () =>
          finish(
            {
              error: slot.worker.ranOutOfMemory()
                ? new AppError(
                    400,
                    "upload.outOfMemory",
                    `Tệp quá phức tạp để đọc (cần hơn ${this.options.maxOldGenerationSizeMb} MB bộ nhớ). Hãy chia nhỏ tệp rồi tải lên lại.`,
                  )
                : new AppError(400, "upload.damaged", "Tệp bị hỏng: không đọc được nội dung."),
            },
            false,
          );
        if (child.stderr && !child.stderr.readableEnded) child.stderr.once("close", judge);
        else judge();
      };
      child.on("message", onMessage);
      child.on("error", onEnded);
      child.on("exit", onEnded);
      child.send({ id, name: job.name, input: job.input } satisfies JobRequest, (error) => {
        if (error) onEnded();
      });
    });
  }
}

/** Ends a worker at once (a parse has nothing to save) and resolves when it is gone. */
function stop(worker: Worker): Promise<void> {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

let shared: ParsePool | null = null;

/** The process's pool, created on first use. */
export function parsePool(): ParsePool {
  shared ??= new ParsePool(parsePoolOptionsFromEnv());
  return shared;
}

/** Runs one parse job in the process's pool; every failure is an AppError (400, or 503 when busy). */
export function runParseJob<K extends JobName>(
  name: K,
  input: JobInput<K>,
  options?: { onProgress?: (done: number, total: number) => void },
): Promise<JobOutput<K>> {
  return parsePool().run(name, input, options);
}

import fs from "node:fs";

/** Resident memory of a process in MB, from /proc (Linux); null once the process is gone. */
export function readRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS on an interval and keeps the peak. */
export function startRssSampler({ pid, intervalMs = 200 }: { pid: number; intervalMs?: number }) {
  let peak = readRssMb(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, readRssMb(pid) ?? 0);
  }, intervalMs);
  timer.unref();
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, readRssMb(pid) ?? 0);
    },
  };
}

/** CPU time (user + system) a process has used, in ms: per-request cost that other load on the machine does not inflate. */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

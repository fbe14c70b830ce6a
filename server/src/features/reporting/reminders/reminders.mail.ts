/**
 * A minimal SMTP client for reminders (EHLO, STARTTLS when offered, AUTH LOGIN when configured, one
 * message per connection). Enough for a province's relay; used only when SMTP_HOST is set.
 */
import net from "node:net";
import tls from "node:tls";
import type { AppConfig } from "../../../app/config";
import type { Mailer } from "./reminders.service";

type Smtp = NonNullable<AppConfig["smtp"]>;

function reader(socket: net.Socket | tls.TLSSocket) {
  let buffer = "";
  const waiting: Array<(line: string) => void> = [];
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    // A reply ends with a line "NNN text" (a space after the code); "NNN-" lines continue it.
    for (;;) {
      const m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer);
      if (!m) break;
      const end = m.index + m[0].length;
      const reply = buffer.slice(0, end);
      buffer = buffer.slice(end);
      waiting.shift()?.(reply);
    }
  };
  socket.on("data", onData);
  return {
    next: () => new Promise<string>((resolve) => waiting.push(resolve)),
    detach: () => socket.off("data", onData),
  };
}

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const encodeHeader = (s: string) => `=?UTF-8?B?${b64(s)}?=`;

export function createSmtpMailer(smtp: Smtp): Mailer {
  return {
    async send({ to, subject, text }) {
      let socket: net.Socket | tls.TLSSocket =
        smtp.port === 465
          ? tls.connect({ host: smtp.host, port: smtp.port, servername: smtp.host })
          : net.connect({ host: smtp.host, port: smtp.port });
      socket.setTimeout(20_000, () => socket.destroy(new Error("SMTP timeout")));
      let r = reader(socket);
      const expect = async (code: string) => {
        const reply = await r.next();
        if (!reply.split("\r\n").filter(Boolean).pop()?.startsWith(code))
          throw new Error(`SMTP: expected ${code}, got ${reply.trim()}`);
        return reply;
      };
      const cmd = async (line: string, code: string) => {
        socket.write(`${line}\r\n`);
        return expect(code);
      };
      const failed = new Promise<never>((_, reject) => socket.once("error", reject));
      const run = async () => {
        await expect("220");
        let ehlo = await cmd("EHLO chiso", "250");
        if (/STARTTLS/i.test(ehlo) && !(socket instanceof tls.TLSSocket)) {
          await cmd("STARTTLS", "220");
          r.detach();
          socket = tls.connect({ socket, servername: smtp.host });
          r = reader(socket);
          ehlo = await cmd("EHLO chiso", "250");
        }
        if (smtp.user && smtp.password) {
          await cmd("AUTH LOGIN", "334");
          await cmd(b64(smtp.user), "334");
          await cmd(b64(smtp.password), "235");
        }
        const from = /<([^>]+)>/.exec(smtp.from)?.[1] ?? smtp.from;
        await cmd(`MAIL FROM:<${from}>`, "250");
        for (const rcpt of to) await cmd(`RCPT TO:<${rcpt}>`, "250");
        await cmd("DATA", "354");
        const body = [
          `From: ${smtp.from}`,
          `To: ${to.join(", ")}`,
          `Subject: ${encodeHeader(subject)}`,
          "MIME-Version: 1.0",
          "Content-Type: text/plain; charset=utf-8",
          "Content-Transfer-Encoding: base64",
          "",
          (b64(text).match(/.{1,76}/g) ?? []).join("\r\n"),
        ].join("\r\n");
        await cmd(`${body}\r\n.`, "250");
        socket.write("QUIT\r\n");
      };
      try {
        await Promise.race([run(), failed]);
      } finally {
        socket.end();
      }
    },
  };
}

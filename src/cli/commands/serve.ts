/** `sosei serve`: the web application at http://localhost:3000 on the embedded database. */
import { SoseiError } from "../../core/errors.ts";
import { startServer } from "../../server/index.ts";
import { loadConfig } from "../../server/services.ts";
import { DEFAULT_DATA_DIR } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `Usage: sosei serve [--port 3000] [--host localhost] [--data-dir ./data] [--municipality NAME]
                   [--public-url https://sosei.example.jp] [--trust-proxy] [--no-build] [--no-demo]

Starts Sosei (API and UI) on the same database as the other commands: PGlite in --data-dir
(default ./data, \`memory://\` for a throw-away one) or PostgreSQL when DATABASE_URL is set.
On a first start with an empty database it loads the demo city みなと市 and prints the demo users'
passwords once. When the database holds several municipalities, --municipality chooses the one
to show.

Behind HTTPS (a reverse proxy such as nginx in front): give --public-url, the address users type
(the session cookie is then Secure and a login must come from that origin), or --trust-proxy to take
the scheme and host from the proxy's X-Forwarded-Proto / X-Forwarded-Host (only when every request
comes through that proxy). Without either, the cookie is not Secure: Sosei itself speaks plain HTTP.
Environment: PORT, DATABASE_URL, SOSEI_DATA_DIR, SOSEI_MUNICIPALITY, SOSEI_PUBLIC_URL, SOSEI_TRUST_PROXY=1.`;

const ROLE_JA: Record<string, string> = {
  admin: "管理者",
  planning: "企画（取りまとめ）",
  committee: "評価委員",
  department: "担当課",
};

export const command: Command = {
  name: "serve",
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(
      args,
      {
        port: { type: "string" },
        host: { type: "string" },
        "data-dir": { type: "string" },
        "no-build": { type: "boolean" },
        "no-demo": { type: "boolean" },
        municipality: { type: "string" },
        "public-url": { type: "string" },
        "trust-proxy": { type: "boolean" },
      },
      usage,
    );
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new SoseiError("usage_error", `--port must be a port number: ${values.port}`);
    const publicUrl = values["public-url"] ?? (process.env.SOSEI_PUBLIC_URL?.trim() || undefined);
    if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(publicUrl))
      throw new SoseiError("usage_error", `--public-url must be an http(s) address: ${publicUrl}`);
    const config = loadConfig(process.env, { "data-dir": values["data-dir"] });
    const server = await startServer({
      port,
      hostname: values.host ?? "localhost",
      dataDir: config.dataDir ?? DEFAULT_DATA_DIR,
      databaseUrl: config.databaseUrl,
      buildUi: !values["no-build"],
      demo: !values["no-demo"],
      municipality: values.municipality ?? (process.env.SOSEI_MUNICIPALITY?.trim() || undefined),
      publicUrl,
      trustProxy: Boolean(values["trust-proxy"]) || process.env.SOSEI_TRUST_PROXY === "1",
      log: (l) => io.stdout(`${l}\n`),
    });
    io.stdout(`\nSosei を起動しました: ${server.url}\n`);
    if (server.demo && server.demo.users.length > 0) {
      io.stdout(
        "\n初回起動のため、デモ用の市（みなと市）と利用者を作成しました。パスワードは今回だけ表示されます。\n" +
          "Demo users (passwords are shown only this once):\n\n",
      );
      for (const u of server.demo.users)
        io.stdout(
          `  ${u.username.padEnd(10)} ${u.password}  ${ROLE_JA[u.role] ?? u.role}${u.department ? `（${u.department}）` : ""}\n`,
        );
      io.stdout("\n");
    }
    io.stdout("終了するには Ctrl+C / press Ctrl+C to stop\n");
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void server.close().then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return 0;
  },
};

/**
 * `sosei users list|add|reset-password|deactivate|activate`: account management from the command
 * line, for the admin who lost the printed password (or the only admin account). Generated passwords
 * are printed once; the audit log records the change with actor `cli:<os user>`.
 */
import { SoseiError } from "../../core/errors.ts";
import { cliActor, createServicesFromCli, type Services } from "../../server/services.ts";
import { departments, generatePassword, type Role, users } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { CliIo, Command } from "../command.ts";

const usage = `usage: sosei users list [--data-dir DIR]
       sosei users add LOGIN_ID --role admin|planning|department|committee [--name NAME] [--department 担当課]
       sosei users reset-password LOGIN_ID
       sosei users deactivate LOGIN_ID
       sosei users activate LOGIN_ID
  Generated passwords are printed once. Deactivating ends the user's sessions.
  The database is the one \`sosei serve\` uses (DATABASE_URL, SOSEI_DATA_DIR or --data-dir); a PGlite
  data directory is locked while the server runs: stop it first (PostgreSQL needs no stop).`;

const ROLES: Role[] = ["admin", "planning", "department", "committee"];
const ROLE_JA: Record<string, string> = {
  admin: "管理者",
  planning: "企画",
  department: "担当課",
  committee: "委員",
  public: "一般",
};
const LOGIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;

const usageError = (message: string) => new SoseiError("usage_error", `${message}\n${usage}`);

async function userOrFail(services: Services, loginId: string) {
  const u = await users.userByLoginId(services.db, loginId);
  if (!u) throw new SoseiError("not_found", `ユーザー ${loginId} は見つかりません / no user ${loginId}`);
  return u;
}

function printPassword(io: CliIo, loginId: string, password: string) {
  io.stdout(
    `${loginId} のパスワード / password for ${loginId}: ${password}\n` +
      "（この表示は一度きりです。控えてからログインしてください / shown only once: note it down）\n",
  );
}

export const command: Command = {
  name: "users",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        "data-dir": { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        department: { type: "string" },
      },
      usage,
    );
    const [action, loginId, ...extra] = positionals;
    if (!action) throw usageError("操作を指定してください / give an action");
    if (action === "list" ? loginId !== undefined : !loginId || extra.length > 0)
      throw usageError(
        action === "list"
          ? "list は引数をとりません / list takes no argument"
          : "ログインIDを1つ指定してください / give one LOGIN_ID",
      );
    if (!["list", "add", "reset-password", "deactivate", "activate"].includes(action))
      throw usageError(`不明な操作です: ${action} / unknown action`);
    if (action === "add") {
      if (!LOGIN_ID.test(loginId!))
        throw usageError("ログインIDは半角英数字と . _ - で2〜32文字です / invalid LOGIN_ID");
      if (!ROLES.includes(values.role as Role))
        throw usageError("--role は admin, planning, department, committee のどれかです / bad --role");
      if (values.role === "department" && !values.department?.trim())
        throw usageError("担当課ユーザーには --department が必要です / --department is required");
    }

    const services = await createServicesFromCli(values, io.stderr);
    const ctx = { actor: cliActor(), clock: services.clock, ids: services.ids };
    try {
      if (action === "list") {
        const list = await users.listUsers(services.db);
        if (list.length === 0) io.stdout("ユーザーはいません / no users\n");
        for (const u of list)
          io.stdout(
            `${[
              u.loginId,
              u.displayName,
              `${ROLE_JA[u.role] ?? u.role}(${u.role})`,
              u.department ?? "-",
              u.disabled ? "無効/inactive" : "有効/active",
            ].join("\t")}\n`,
          );
        return 0;
      }
      if (action === "add") {
        // The same rule as the web form: a department user's department comes from the master list.
        const department =
          values.role === "department"
            ? (await departments.requireDepartments(services.db, [values.department!]))[0]!
            : null;
        const password = generatePassword();
        await users.createUser(
          services.db,
          {
            loginId: loginId!,
            displayName: values.name?.trim() || loginId!,
            role: values.role as Role,
            department,
            password,
          },
          ctx,
        );
        io.stdout(`ユーザー ${loginId} を追加しました / added ${loginId}\n`);
        printPassword(io, loginId!, password);
        return 0;
      }
      const u = await userOrFail(services, loginId!);
      if (action === "reset-password") {
        const password = generatePassword();
        await users.resetPassword(services.db, u.id, password, ctx, { generated: true });
        io.stdout(
          `${loginId} のパスワードを再発行しました（ログイン中のセッションは終了しました） / password reset\n`,
        );
        printPassword(io, loginId!, password);
        return 0;
      }
      const active = action === "activate";
      await users.setUserActive(services.db, u.id, active, ctx);
      io.stdout(
        active
          ? `${loginId} を有効にしました / activated ${loginId}\n`
          : `${loginId} を無効にしました（ログイン中のセッションは終了しました） / deactivated ${loginId}\n`,
      );
      return 0;
    } finally {
      await services.close();
    }
  },
};

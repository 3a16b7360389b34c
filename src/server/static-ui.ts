/**
 * The built UI (web/dist) through @hono/node-server's serveStatic: files as they are, hashed assets
 * cached for a year, and index.html for the client-side routes (/kpi/2022-5). serveStatic refuses `..`
 * and encoded separators; a malformed percent-encoding is answered 400 before it.
 */
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { Env } from "./context.ts";

export function mountStaticUi(app: Hono<Env>, dir: string): void {
  const root = path.resolve(dir);
  app.use("*", async (c, next) => {
    try {
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text("Bad Request", 400);
    }
    await next();
  });
  app.use(
    "*",
    serveStatic({
      root,
      onFound: (file, c) => {
        const immutable = path.relative(root, file).startsWith(`assets${path.sep}`);
        c.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  app.get(
    "*",
    serveStatic({
      root,
      path: "index.html",
      onFound: (_file, c) => {
        c.header("cache-control", "no-cache");
      },
    }),
  );
  app.get("*", (c) => c.text("UI not built", 404));
}

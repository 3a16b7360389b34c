/**
 * Serves a read endpoint's JSON from the read cache (read-cache.ts), keyed by municipality, who asks
 * (role and 担当課; "public" without a session), path and query string; builds and stores it on a miss
 * (one build per key at a time). The generation is taken before the database is read, so a write
 * during the build discards the entry.
 */
import type { Ctx } from "./context.ts";
import type { Services } from "./services.ts";

export const cachedJsonFor =
  (services: Services) =>
  async <C extends Ctx, T extends Response>(c: C, build: () => Promise<T>): Promise<T> => {
    const cache = services.readCache;
    if (!cache) return build();
    const u = c.get("user");
    const url = new URL(c.req.url);
    const key = JSON.stringify([
      services.municipality ?? "",
      u ? `${u.role}:${u.department ?? ""}` : "public",
      url.pathname,
      url.search,
    ]);
    let built: T | undefined;
    const body = await cache.through(key, async () => {
      built = await build();
      if (built.status !== 200) return undefined;
      return {
        body: await built.clone().text(),
        contentType: built.headers.get("content-type") ?? "application/json",
      };
    });
    if (built) return built;
    // The same JSON another request built: typed as the handler's own answer.
    if (body) return c.body(body.body, 200, { "content-type": body.contentType }) as unknown as T;
    // waited for another request's build, which was not cacheable: answer on our own
    return build();
  };

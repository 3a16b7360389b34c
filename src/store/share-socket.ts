/**
 * Sharing an open PGlite with other processes (the CLI beside `sosei serve`): a PostgreSQL wire
 * protocol endpoint on a unix socket in the data directory (or 127.0.0.1 when the path is too long
 * for a socket), recorded in the lock file. Clients connect with `pg`, the PostgreSQL code path.
 *
 * Why not @electric-sql/pglite-socket's own server: it serialises single protocol messages only, so
 * (a) the owning process's in-process queries can run inside a client's open transaction, and
 * (b) two clients' extended-protocol messages (Parse/Bind/Execute/Sync) can interleave. Here a
 * connection holds PGlite's transaction mutex — the one `PGlite.query` and `transaction` take —
 * from its first message until PGlite reports ReadyForQuery "idle", so a client's transaction or
 * statement runs alone, and in-process work waits for it (and it for in-process work).
 */
import { existsSync, unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ShareAddress } from "./lock.ts";

/** PostgreSQL's socket file name for a port: pg connects to `${host}/.s.PGSQL.${port}`. */
export const SHARE_PORT = 5432;
const SOCKET_NAME = `.s.PGSQL.${SHARE_PORT}`;
/** sockaddr_un holds 108 bytes; longer paths fall back to TCP on 127.0.0.1. */
const MAX_SOCKET_PATH = 100;
/** A client holding the database this long without a message is cut off (its transaction rolled back). */
const HOLD_TIMEOUT_MS = 60_000;

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSS_REQUEST = 80877104;

interface PgliteInternals {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(
    message: Uint8Array,
    options: { onRawData: (data: Uint8Array) => void },
  ): Promise<void>;
}

export interface SharedDatabase {
  address: ShareAddress;
  stop(): Promise<void>;
}

/** Takes PGlite's transaction mutex and keeps it until the returned function is called. */
function holdDatabase(db: PgliteInternals): Promise<() => void> {
  return new Promise((acquired) => {
    void db._runExclusiveTransaction(() => new Promise<void>((release) => acquired(() => release())));
  });
}

/** The status byte of the last ReadyForQuery ('Z') in a run of backend messages, if any. */
export function lastReadyStatus(bytes: Uint8Array): string | null {
  let status: string | null = null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 5 <= bytes.length; ) {
    const type = bytes[i];
    const len = view.getInt32(i + 1);
    if (len < 4) break;
    if (type === 0x5a && len === 5 && i + 5 < bytes.length) status = String.fromCharCode(bytes[i + 5] ?? 0);
    i += 1 + len;
  }
  return status;
}

const simpleQuery = (text: string): Uint8Array => {
  const body = Buffer.from(`${text}\0`, "utf8");
  const msg = Buffer.alloc(5 + body.length);
  msg.write("Q", 0, "latin1");
  msg.writeInt32BE(4 + body.length, 1);
  body.copy(msg, 5);
  return msg;
};
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]);

function serveConnection(db: PgliteInternals, socket: Socket): void {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  let release: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let chain = Promise.resolve();

  const run = async (message: Uint8Array): Promise<Uint8Array> => {
    // Each chunk is a view into PGlite's output buffer, which the next chunk overwrites: copy it,
    // or a response longer than one chunk (8 KiB) reaches the client garbled and pg waits forever.
    const out: Uint8Array[] = [];
    await db.runExclusive(() =>
      db.execProtocolRawStream(message, { onRawData: (d) => out.push(Buffer.from(d)) }),
    );
    return Buffer.concat(out);
  };
  const letGo = () => {
    clearTimeout(timer);
    release?.();
    release = null;
  };

  const handle = async (msg: Buffer) => {
    if (closed) return;
    if (!release) release = await holdDatabase(db);
    clearTimeout(timer);
    timer = setTimeout(() => socket.destroy(), HOLD_TIMEOUT_MS);
    const out = await run(msg);
    if (out.length > 0 && socket.writable) socket.write(out);
    if (lastReadyStatus(out) === "I") letGo();
  };

  const onData = async (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const len = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (buffer.length < len) return;
        const msg = buffer.subarray(0, len);
        buffer = buffer.subarray(len);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) continue; // not supported: the statement runs to its end
        if (code !== PROTOCOL_3) return void socket.destroy();
        started = true;
        await handle(Buffer.from(msg));
        continue;
      }
      if (buffer.length < 5) return;
      const len = 1 + buffer.readInt32BE(1);
      if (buffer.length < len) return;
      const msg = Buffer.from(buffer.subarray(0, len));
      buffer = buffer.subarray(len);
      if (msg[0] === 0x58) return void socket.end(); // Terminate
      await handle(msg);
    }
  };

  socket.on("data", (chunk: Buffer) => {
    chain = chain
      .then(() => onData(chunk))
      .catch(() => {
        socket.destroy();
      });
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", () => {
    closed = true;
    // A client gone mid-statement or mid-transaction: end both before anyone else runs.
    chain = chain.then(async () => {
      if (!release) return;
      try {
        await run(SYNC);
        await run(simpleQuery("ROLLBACK"));
      } finally {
        letGo();
      }
    });
  });
}

/** Serves `db` to other processes; the address goes into the lock file. */
export async function shareDatabase(db: PGlite, dataDir: string): Promise<SharedDatabase> {
  const internals = db as unknown as PgliteInternals;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(internals, socket);
  });
  const socketPath = path.join(dataDir, SOCKET_NAME);
  const useUnix = process.platform !== "win32" && Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH;
  if (useUnix && existsSync(socketPath)) unlinkSync(socketPath); // left by a crash; we hold the lock
  const address = await new Promise<ShareAddress>((resolve, reject) => {
    server.once("error", reject);
    const done = () => {
      const a = server.address();
      resolve(
        useUnix
          ? { host: dataDir, port: SHARE_PORT }
          : { host: "127.0.0.1", port: typeof a === "object" && a ? a.port : 0 },
      );
    };
    if (useUnix) server.listen(socketPath, done);
    else server.listen(0, "127.0.0.1", done);
  });
  return {
    address,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open client connections would keep close() waiting.
        for (const s of sockets) s.destroy();
      }),
  };
}

/** The ports every use case needs: the database, time and ids (built by createServices). */
import type { Clock } from "../core/clock.ts";
import type { IdGenerator } from "../core/ids.ts";
import type { Database, Db } from "../store/index.ts";

export interface CoreServices {
  db: Db;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  /** scrypt's cost for passwords hashed through these services; undefined → the store's default. */
  scryptCost?: number | undefined;
  close(): Promise<void>;
}

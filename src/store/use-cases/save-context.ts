/** Who saves, and the clock and ids they save with: passed to every write of the save use cases. */
import type { Clock } from "../../core/clock.ts";
import type { IdGenerator } from "../../core/ids.ts";

export interface SaveContext {
  actor: string;
  clock: Clock;
  ids: IdGenerator;
}

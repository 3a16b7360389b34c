import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "node:util";
import { SoseiError } from "../core/errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util's parseArgs, with bad usage turned into a SoseiError('usage_error') so that
 * the CLI edge prints one line and exits 2. Negative numbers and text starting with "-"
 * can be passed after `--`.
 */
export function parseCliArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return nodeParseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new SoseiError("usage_error", `${(e as Error).message}\n${usage}`);
  }
}

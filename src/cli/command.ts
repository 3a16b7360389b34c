/** What every `sosei` sub-command module exports as `command`. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  name: string;
  usage: string;
  /** Returns the process exit status: 0 ok, 1 failure, 2 unreadable input or bad usage. */
  run(args: string[], io: CliIo): Promise<number>;
}

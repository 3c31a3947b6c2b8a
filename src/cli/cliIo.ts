/** Where the CLI writes; injected so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour only then). */
  readonly isTTY: boolean;
  /** The real stderr stream when it is a terminal, for live progress; otherwise null. */
  readonly progressStream: NodeJS.WriteStream | null;
}

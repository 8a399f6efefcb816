/** A chat platform connection started by `npm start`, stopped cleanly on SIGINT / SIGTERM. */
export interface RunningPlatform {
  readonly name: string;
  stop(): Promise<void>;
}

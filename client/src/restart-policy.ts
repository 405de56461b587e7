/** Restarts allowed in RESTART_WINDOW_MS, as vscode-languageclient's default error handler allows. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60_000;

export interface RestartDecision {
  restart: boolean;
  /** The line for the output channel: what happened, and what happens next. */
  message: string;
}

/**
 * Whether to restart a server that stopped without being asked to: yes, up to MAX_RESTARTS
 * times in RESTART_WINDOW_MS, so a server that crashes at once every time does not restart
 * for ever. Kept free of `vscode` so that it can be unit-tested.
 */
export class RestartPolicy {
  private stops: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  stopped(): RestartDecision {
    const now = this.now();
    this.stops = this.stops.filter((t) => now - t < RESTART_WINDOW_MS);
    this.stops.push(now);
    const n = this.stops.length;
    if (n > MAX_RESTARTS) {
      return {
        restart: false,
        message: `The CloudFormation TLS Lint server stopped ${n} times in ${RESTART_WINDOW_MS / 60_000} minutes, so it is not restarted again. The lines above say why; run "CloudFormation TLS Lint: Restart Server" once the cause is fixed.`,
      };
    }
    return {
      restart: true,
      message: `The CloudFormation TLS Lint server stopped unexpectedly (the lines above say why); restarting it (restart ${n} of ${MAX_RESTARTS} allowed in ${RESTART_WINDOW_MS / 60_000} minutes). Open documents are linted again, and a workspace that was scanned is scanned again.`,
    };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.stops = [];
  }
}

/**
 * The worker's liveness for its container healthcheck (docker-compose.yml `worker`): every 5 s, while the job
 * workers run and Redis answers, the heartbeat file's modification time is set to now. The healthcheck fails when
 * the file is older than 20 s, so a worker stuck without Redis or wedged in its event loop is reported unhealthy.
 */
import { closeSync, openSync, utimesSync } from 'node:fs';

export const HEARTBEAT_EVERY_MS = 5000;

export function startHeartbeat(
  file: string,
  alive: () => Promise<boolean>,
  onError: (err: unknown) => void,
): () => void {
  const beat = async (): Promise<void> => {
    try {
      if (!(await alive())) return;
      closeSync(openSync(file, 'a'));
      const now = new Date();
      utimesSync(file, now, now);
    } catch (err) {
      onError(err);
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

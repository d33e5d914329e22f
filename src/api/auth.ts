// Who may write. Mutations need `Authorization: Bearer $GOVGRAPH_TOKEN`; when
// no token is configured, writing over HTTP is switched off altogether.
import { createHash, timingSafeEqual } from 'node:crypto';

export type WriteAccess = 'disabled' | 'denied' | 'granted';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison (hashing first makes the time independent of the lengths too). */
export function writeAccess(authorization: string | null | undefined, token: string | undefined): WriteAccess {
  if (!token) return 'disabled';
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token)) ? 'granted' : 'denied';
}

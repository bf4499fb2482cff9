/** Redis key names of sessions, shared by the session store, the webhook and "log out everywhere". */
export function sessionKey(prefix: string, sid: string): string {
  return `${prefix}sess:${sid}`;
}
export function sessionPrefix(prefix: string): string {
  return `${prefix}sess:`;
}
export function userSessionsKey(prefix: string, userId: number): string {
  return `${prefix}user-sessions:${userId}`;
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * 256 random bits as base64url (43 characters). Request and task ids end up
 * in URLs and in clients' hands, and the extension allows servers to treat
 * them as bearer handles, so they must not be guessable or enumerable.
 */
export function newUnguessableId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Names this backend process among the replicas sharing a database. Host
 * and pid make a dead owner easy to spot in the tasks table; the random
 * part keeps a restarted container that reuses host and pid distinct. Fits
 * the 255 characters of `owner_instance`.
 */
export function newInstanceId(): string {
  const host = hostname().slice(0, 200);
  return `${host}:${process.pid}:${randomBytes(6).toString('base64url')}`;
}

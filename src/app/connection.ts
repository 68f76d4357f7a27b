// Connecting Pinterest: whether the add-on is set up and connected, the consent link, the
// callback, and disconnecting.

import { AddonError } from '../core/errors';
import { pinterestClient, type AppContext } from './context';
import { readConfig } from './config';

export interface ConnectionStatus {
  connected: boolean;
  /** The connected Pinterest user's name, when connected. */
  username?: string;
  /** Set when the deployment is missing settings: what to do about it. */
  setupMessage?: string;
  /** Set when a stored connection could no longer be refreshed. */
  reconnectReason?: string;
}

export function connectionStatus(context: AppContext): ConnectionStatus {
  try {
    readConfig(context.scriptProperties);
  } catch (error) {
    if (error instanceof AddonError) return { connected: false, setupMessage: error.message };
    throw error;
  }
  if (context.auth.isConnected()) {
    try {
      return { connected: true, username: pinterestClient(context).userAccount().username };
    } catch (error) {
      // A stored token Pinterest no longer accepts (revoked, or its refresh failed).
      if (error instanceof AddonError && error.code === 'TOKEN_EXPIRED') {
        return { connected: false, reconnectReason: error.message };
      }
      throw error;
    }
  }
  const lastError = context.auth.lastError();
  return lastError ? { connected: false, reconnectReason: lastError } : { connected: false };
}

/** A fresh authorization link (its state token expires, so it is made on each click). */
export function connectUrl(context: AppContext): string {
  readConfig(context.scriptProperties);
  return context.auth.authorizationUrl();
}

/** Finishes the consent flow; answers the page text the user sees in the callback tab. */
export function completeConnect(context: AppContext, request: object): string {
  try {
    return context.auth.handleCallback(request)
      ? 'Pinterest is connected. You can close this tab and return to the spreadsheet.'
      : 'Pinterest was not connected because access was declined. Close this tab and try again.';
  } catch (error) {
    context.logger.warn(`OAuth callback failed: ${String(error)}`);
    return (
      'Pinterest could not be connected: the sign-in link expired or was already used. ' +
      'Close this tab and click Connect again.'
    );
  }
}

export function disconnect(context: AppContext): void {
  context.auth.disconnect();
}

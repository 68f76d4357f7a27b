// What the use cases need from the platform, gathered once per execution.

import type { Clock, Http, KeyValueStore, Lock, Logger, Mailer } from '../ports';
import type { PinterestAuth, Scheduler, Workbook } from '../ports';
import { PinterestClient } from '../core/pinterest/client';
import { readConfig } from './config';

export interface AppContext {
  http: Http;
  clock: Clock;
  logger: Logger;
  scriptProperties: KeyValueStore;
  /**
   * The spreadsheet's own settings: report definitions and statuses, travelling with it (kept
   * in a hidden tab, since a time-driven run cannot reach document properties).
   */
  settings: KeyValueStore;
  workbook: Workbook;
  auth: PinterestAuth;
  /** This user's own settings and counters (never the Pinterest token: the library keeps it). */
  userProperties: KeyValueStore;
  lock: Lock;
  scheduler: Scheduler;
  mailer: Mailer;
}

/** A client for this execution; `deadline` (epoch ms) stops retry waits that would pass it. */
export function pinterestClient(context: AppContext, deadline?: number): PinterestClient {
  const config = readConfig(context.scriptProperties);
  return new PinterestClient({
    apiBase: config.apiBase,
    http: context.http,
    tokens: context.auth.tokens,
    clock: context.clock,
    logger: context.logger,
    deadline,
  });
}

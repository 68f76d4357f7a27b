// A refresh job: what one refresh of a report will fetch (dates, accounts, entities, the request
// plan) and what it has fetched so far. It is saved in the spreadsheet between executions, so a
// refresh too long for one execution continues in the next.

import { addDays, daysBetween } from '../core/dates';
import { AddonError } from '../core/errors';
import type { PinterestClient } from '../core/pinterest/client';
import { planAnalytics } from '../core/pinterest/plan';
import type { AdAccount, AnalyticsRequest, AnalyticsRow, Entity } from '../core/pinterest/types';
import type { ReportDefinition } from '../core/report/definition';
import { refreshWindow, shapeKey, type RefreshWindow } from '../core/report/window';
import type { AppContext } from './context';
import type { ReportStatus } from './report-store';

/** A refresh in progress, saved between executions in the spreadsheet. */
export interface RefreshJob {
  shapeKey: string;
  today: string;
  window: RefreshWindow;
  accounts: AdAccount[];
  /** Entity ids per ad account listed so far (every account's once the plan exists). */
  idsByAccount: Record<string, string[]>;
  entities: Entity[];
  /** Null until every account's entities are listed: listing may itself span runs. */
  plan: AnalyticsRequest[] | null;
  results: (AnalyticsRow[] | null)[];
}

export const jobKey = (reportId: string) => `job ${reportId}`;
/**
 * A saved job is finished even a few days later (a job larger than a day's quota needs that);
 * older ones are planned again, since their dates have moved too far.
 */
const JOB_MAX_AGE_DAYS = 3;

/**
 * The saved job when it still fits the report, else a new one; then lists entities (each ad
 * account while `canContinue` allows) and plans once all are listed. A job whose plan is still
 * null is saved by the caller and continued by the next run.
 */
export function currentJob(
  context: AppContext,
  client: PinterestClient,
  definition: ReportDefinition,
  status: ReportStatus,
  today: string,
  canContinue: () => boolean,
): RefreshJob {
  const saved = context.workbook.readBlob(jobKey(definition.id));
  const job = saved ? (JSON.parse(saved) as RefreshJob) : undefined;
  const usable =
    job &&
    job.shapeKey === shapeKey(definition) &&
    daysBetween(job.today, today) < JOB_MAX_AGE_DAYS;
  const current = usable ? job : newJob(context, client, definition, status, today);
  if (!current.plan) listAndPlan(client, definition, current, canContinue);
  return current;
}

function newJob(
  context: AppContext,
  client: PinterestClient,
  definition: ReportDefinition,
  status: ReportStatus,
  today: string,
): RefreshJob {
  // A tab deleted by hand is rebuilt whole, not just its lookback.
  const tabKept = status.sheetId !== undefined && context.workbook.sheetName(status.sheetId);
  const notFinalFrom = status.conversionsFinalThrough
    ? addDays(status.conversionsFinalThrough, 1)
    : undefined;
  const previous =
    tabKept && status.shapeKey && status.dataFrom
      ? { shapeKey: status.shapeKey, dataFrom: status.dataFrom, notFinalFrom }
      : undefined;
  return {
    shapeKey: shapeKey(definition),
    today,
    window: refreshWindow(definition, today, previous),
    accounts: reportAccounts(client, definition),
    idsByAccount: {},
    entities: [],
    plan: null,
    results: [],
  };
}

/** Lists the entities of the accounts not listed yet, then plans when all are. */
function listAndPlan(
  client: PinterestClient,
  definition: ReportDefinition,
  job: RefreshJob,
  canContinue: () => boolean,
): void {
  for (const { id: accountId } of job.accounts) {
    if (job.idsByAccount[accountId]) continue;
    if (definition.level === 'AD_ACCOUNT') {
      job.idsByAccount[accountId] = [];
      continue;
    }
    if (!canContinue()) return;
    const listed = client.listEntities(accountId, definition.level);
    job.idsByAccount[accountId] = listed.map((entity) => entity.id);
    for (const { id, name, status } of listed) job.entities.push({ id, name, status });
  }
  job.plan = planAnalytics(
    {
      level: definition.level,
      idsByAccount: new Map(Object.entries(job.idsByAccount)),
      startDate: job.window.start,
      endDate: job.window.end,
      columns: definition.columns,
      granularity: definition.granularity,
      attribution: definition.attribution,
      today: job.today,
    },
    (request) => client.analyticsUrl(request).length,
  );
  job.results = job.plan.map(() => null);
}

/** The report's ad accounts with their names and currencies; a lost one is an error. */
function reportAccounts(client: PinterestClient, definition: ReportDefinition): AdAccount[] {
  const visible = new Map(client.listAdAccounts().map((account) => [account.id, account]));
  return definition.adAccountIds.map((id) => {
    const account = visible.get(id);
    if (!account) {
      throw new AddonError(
        'PERMISSION_DENIED',
        `Ad account ${id} is no longer shared with your Pinterest user. Ask for access again ` +
          'or edit the report to remove it.',
        { field: 'adAccountIds' },
      );
    }
    return { id: account.id, name: account.name, currency: account.currency };
  });
}

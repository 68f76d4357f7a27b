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
  plan: AnalyticsRequest[];
  accounts: AdAccount[];
  entities: Entity[];
  results: (AnalyticsRow[] | null)[];
}

export const jobKey = (reportId: string) => `job ${reportId}`;
/**
 * A saved job is finished even a few days later (a job larger than a day's quota needs that);
 * older ones are planned again, since their dates have moved too far.
 */
const JOB_MAX_AGE_DAYS = 3;

/** The saved job when it still fits the report, else a newly planned one. */
export function currentJob(
  context: AppContext,
  client: PinterestClient,
  definition: ReportDefinition,
  status: ReportStatus,
  today: string,
): RefreshJob {
  const saved = context.workbook.readBlob(jobKey(definition.id));
  if (saved) {
    const job = JSON.parse(saved) as RefreshJob;
    const fresh = daysBetween(job.today, today) < JOB_MAX_AGE_DAYS;
    if (job.shapeKey === shapeKey(definition) && fresh) return job;
  }
  // A tab deleted by hand is rebuilt whole, not just its lookback.
  const tabKept = status.sheetId !== undefined && context.workbook.sheetName(status.sheetId);
  const notFinalFrom = status.conversionsFinalThrough
    ? addDays(status.conversionsFinalThrough, 1)
    : undefined;
  const previous =
    tabKept && status.shapeKey && status.dataFrom
      ? { shapeKey: status.shapeKey, dataFrom: status.dataFrom, notFinalFrom }
      : undefined;
  const window = refreshWindow(definition, today, previous);
  const accounts = reportAccounts(client, definition);
  const { idsByAccount, entities } = listEntities(client, definition, accounts);
  const plan = planAnalytics(
    {
      level: definition.level,
      idsByAccount,
      startDate: window.start,
      endDate: window.end,
      columns: definition.columns,
      granularity: definition.granularity,
      attribution: definition.attribution,
      today,
    },
    (request) => client.analyticsUrl(request).length,
  );
  return {
    shapeKey: shapeKey(definition),
    today,
    window,
    plan,
    accounts,
    entities,
    results: plan.map(() => null),
  };
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

function listEntities(
  client: PinterestClient,
  definition: ReportDefinition,
  accounts: AdAccount[],
) {
  const idsByAccount = new Map<string, string[]>();
  const entities: Entity[] = [];
  for (const { id: accountId } of accounts) {
    if (definition.level === 'AD_ACCOUNT') {
      idsByAccount.set(accountId, []);
      continue;
    }
    const listed = client.listEntities(accountId, definition.level);
    idsByAccount.set(
      accountId,
      listed.map((entity) => entity.id),
    );
    for (const { id, name, status } of listed) entities.push({ id, name, status });
  }
  return { idsByAccount, entities };
}

// The typed boundary between the sidebar and the server: every function the sidebar may call
// through google.script.run, with its arguments and answer. src/main.ts implements it and the
// sidebar's client is typed by it, so the two cannot drift apart.

import type { Result } from './app/boundary';
import type { ConnectionStatus } from './app/connection';
import type { RefreshSummary } from './app/refresh';
import type { ReportStatus } from './app/report-store';
import type { AdAccount } from './core/pinterest/types';
import type { ReportDefinition } from './core/report/definition';
import type { Schedule } from './ports';

export type { Result, ConnectionStatus, RefreshSummary, ReportStatus, AdAccount, ReportDefinition };
export type { Schedule };

export interface ReportListing {
  report: ReportDefinition;
  status: ReportStatus;
}

export interface ServerApi {
  getConnection(): Result<ConnectionStatus>;
  getConnectUrl(): Result<string>;
  disconnectPinterest(): Result<null>;
  listAdAccounts(): Result<AdAccount[]>;
  listReports(): Result<ReportListing[]>;
  saveReport(report: unknown): Result<ReportDefinition>;
  deleteReport(reportId: string): Result<null>;
  refreshReport(reportId: string): Result<RefreshSummary>;
  getSchedule(): Result<Schedule | null>;
  setSchedule(schedule: unknown): Result<Schedule | null>;
}

// The sidebar: connection status, the list of this spreadsheet's reports with Refresh, Edit and
// Delete, and the report form. Every server call goes through the typed client in server.ts.

import type { AdAccount, ReportListing, Schedule } from '../api';
import { byId, clearFieldErrors, el, fieldError, show } from './dom';
import { fillForm, readForm, setUpForm, showAccounts } from './form';
import { call, ServerError } from './server';

const CONNECT_POLL_MS = 2000;
const CONNECT_WAIT_MS = 5 * 60 * 1000;

let reports: ReportListing[] = [];
let accounts: AdAccount[] = [];
let editingId: string | undefined;

function setStatus(text: string): void {
  byId('status').textContent = text;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function refreshConnection(): Promise<boolean> {
  const text = byId('connection-text');
  try {
    const status = await call('getConnection');
    if (status.setupMessage) text.textContent = status.setupMessage;
    else if (status.connected) {
      text.textContent = `Connected to Pinterest as ${status.username ?? 'your account'}.`;
    } else if (status.reconnectReason) {
      const reason = status.reconnectReason;
      text.textContent = `Reconnect Pinterest: the connection stopped working (${reason}).`;
    } else text.textContent = 'Connect your Pinterest account to pull Ads reports.';
    show(byId('connect'), !status.connected && !status.setupMessage);
    show(byId('disconnect'), status.connected);
    show(byId('reports-section'), status.connected);
    return status.connected;
  } catch (error) {
    text.textContent = describeError(error);
    return false;
  }
}

/** Each Connect click starts a new wait; an older one stops when it sees a newer one. */
let connectAttempt = 0;

async function connect(): Promise<void> {
  const attempt = ++connectAttempt;
  try {
    const url = await call('getConnectUrl');
    window.open(url, '_blank');
    byId('connection-text').textContent =
      'Waiting for you to allow access in the Pinterest tab… If you declined or closed it, ' +
      'click Connect Pinterest again.';
    const deadline = Date.now() + CONNECT_WAIT_MS;
    while (Date.now() < deadline && attempt === connectAttempt) {
      await new Promise((resolve) => setTimeout(resolve, CONNECT_POLL_MS));
      if (await refreshConnection())
        return void (await Promise.all([loadReports(), loadSchedule()]));
    }
  } catch (error) {
    byId('connection-text').textContent = describeError(error);
  }
}

async function disconnect(): Promise<void> {
  try {
    await call('disconnectPinterest');
  } catch (error) {
    byId('connection-text').textContent = describeError(error);
    return;
  }
  await refreshConnection();
}

/** Times are shown in UTC, like the tabs and the refresh log. */
function utc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function describe(listing: ReportListing): string {
  const { status } = listing;
  const parts: string[] = [];
  if (status.lastSuccess) {
    const when = utc(status.lastSuccess);
    const through = status.dataThrough ? `, data through ${status.dataThrough} (UTC)` : '';
    parts.push(`Refreshed ${when}: ${status.rows ?? 0} rows${through}.`);
  } else parts.push('Not refreshed yet.');
  if (status.pending) parts.push('A refresh is half-way; the next run continues it.');
  if (status.parkedUntil) {
    parts.push(`Pinterest asked to wait: continuing after ${utc(status.parkedUntil)}.`);
  }
  if (status.lastError) parts.push(`Last refresh failed: ${status.lastError.message}`);
  if (status.notice) parts.push(status.notice);
  return parts.join(' ');
}

function describeSchedule(schedule: Schedule | null): string {
  if (!schedule) return 'Reports refresh only when you click Refresh now.';
  if (schedule.mode === 'hourly') return 'Every report is refreshed about once an hour.';
  return `Every report is refreshed once a day, after ${schedule.hour}:00.`;
}

function showSchedule(schedule: Schedule | null): void {
  byId<HTMLSelectElement>('scheduleMode').value = schedule?.mode ?? 'off';
  if (schedule?.mode === 'daily')
    byId<HTMLSelectElement>('scheduleHour').value = String(schedule.hour);
  show(byId('schedule-hour-box'), schedule?.mode === 'daily');
  byId('schedule-text').textContent = describeSchedule(schedule);
}

async function loadSchedule(): Promise<void> {
  try {
    showSchedule(await call('getSchedule'));
  } catch (error) {
    byId('schedule-text').textContent = describeError(error);
  }
}

async function changeSchedule(): Promise<void> {
  const mode = byId<HTMLSelectElement>('scheduleMode').value;
  const hour = Number(byId<HTMLSelectElement>('scheduleHour').value);
  show(byId('schedule-hour-box'), mode === 'daily');
  fieldError('schedule', undefined);
  try {
    showSchedule(await call('setSchedule', mode === 'daily' ? { mode, hour } : { mode }));
  } catch (error) {
    fieldError('schedule', describeError(error));
  }
}

function renderReports(): void {
  const list = byId('reports');
  list.replaceChildren(
    ...reports.map((listing) => {
      const { report } = listing;
      const refresh = el('button', { type: 'button' }, 'Refresh now');
      const edit = el('button', { type: 'button' }, 'Edit');
      const remove = el('button', { type: 'button' }, 'Delete');
      refresh.addEventListener('click', () => refreshReport(report.id, refresh));
      edit.addEventListener('click', () => openForm(report.id));
      remove.addEventListener('click', () => deleteReport(report.id, remove));
      return el(
        'li',
        { 'aria-label': `Report ${report.tabName}` },
        el('strong', {}, report.tabName),
        el('div', { class: 'meta' }, describe(listing)),
        el('div', { class: 'actions' }, refresh, edit, remove),
      );
    }),
  );
  show(byId('no-reports'), reports.length === 0);
}

async function loadReports(): Promise<void> {
  try {
    reports = await call('listReports');
    renderReports();
  } catch (error) {
    setStatus(describeError(error));
  }
}

async function refreshReport(id: string, button?: HTMLButtonElement): Promise<void> {
  const listing = reports.find((entry) => entry.report.id === id);
  if (button) button.disabled = true;
  setStatus(`Refreshing "${listing?.report.tabName ?? id}"… this can take a minute.`);
  try {
    const summary = await call('refreshReport', id);
    const { tabName, rows, accounts: count, notice, complete, progress } = summary;
    const done = complete
      ? `"${tabName}" refreshed: ${rows} rows from ${count} ad account(s).`
      : `"${tabName}": ${progress.done} of ${progress.total} requests done so far.`;
    setStatus(notice ? `${done} ${notice}` : done);
  } catch (error) {
    setStatus(describeError(error));
  }
  if (button) button.disabled = false;
  await loadReports();
}

async function deleteReport(id: string, button: HTMLButtonElement): Promise<void> {
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = 'Confirm delete';
    setTimeout(() => {
      button.dataset.confirm = '';
      button.textContent = 'Delete';
    }, 5000);
    return;
  }
  try {
    await call('deleteReport', id);
    setStatus('Report deleted. Its tab is kept; delete the tab yourself if you no longer need it.');
  } catch (error) {
    setStatus(describeError(error));
  }
  await loadReports();
}

async function openForm(id?: string): Promise<void> {
  editingId = id ?? `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  clearFieldErrors();
  show(byId('report-form'), true);
  show(byId('reports-section'), false);
  if (accounts.length === 0) {
    try {
      accounts = await call('listAdAccounts');
      showAccounts(accounts);
    } catch (error) {
      fieldError('adAccountIds', describeError(error));
    }
  }
  const existing = reports.find((entry) => entry.report.id === id)?.report;
  fillForm(existing, `Pinterest Ads ${reports.length + 1}`);
  // Focus moves after the key that opened the form is done, so it does not land in the field.
  setTimeout(() => byId<HTMLInputElement>('tabName').select());
}

function closeForm(): void {
  show(byId('report-form'), false);
  show(byId('reports-section'), true);
  // The list's heading takes focus: a key still in flight cannot activate anything there.
  setTimeout(() => byId('reports-title').focus());
}

/** Enter in a text field does not submit the form: it has many fields and one Save button. */
function ignoreEnterInFields(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}

async function saveForm(event: Event): Promise<void> {
  event.preventDefault();
  clearFieldErrors();
  const save = byId<HTMLButtonElement>('save');
  save.disabled = true;
  try {
    const report = await call('saveReport', readForm(editingId as string));
    closeForm();
    await loadReports();
    await refreshReport(report.id);
  } catch (error) {
    const field = error instanceof ServerError && error.field ? error.field : 'form';
    fieldError(document.getElementById(`error-${field}`) ? field : 'form', describeError(error));
    document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
  }
  save.disabled = false;
}

async function start(): Promise<void> {
  setUpForm();
  byId('connect').addEventListener('click', connect);
  byId('disconnect').addEventListener('click', disconnect);
  byId('new-report').addEventListener('click', () => openForm());
  byId('cancel').addEventListener('click', closeForm);
  byId('report-form').addEventListener('submit', saveForm);
  byId('report-form').addEventListener('keydown', ignoreEnterInFields);
  byId<HTMLSelectElement>('scheduleHour').replaceChildren(
    ...Array.from({ length: 24 }, (_, hour) => el('option', { value: String(hour) }, `${hour}:00`)),
  );
  byId('scheduleMode').addEventListener('change', changeSchedule);
  byId('scheduleHour').addEventListener('change', changeSchedule);
  if (await refreshConnection()) await Promise.all([loadReports(), loadSchedule()]);
}

void start();

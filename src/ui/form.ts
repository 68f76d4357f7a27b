// The report form: fills its pickers from the catalog and limits, reads the user's choices into
// a report definition, and shows the server's field errors next to the right control.

import type { AdAccount, ReportDefinition } from '../api';
import { SYNC_FIELDS, type Category } from '../core/catalog/fields';
import { FIELD_PRESETS } from '../core/catalog/presets';
import {
  CONVERSION_REPORT_TIMES,
  GRANULARITIES,
  LEVELS,
  WINDOW_DAYS,
} from '../core/pinterest/limits';
import { DATE_PRESETS, DEFAULT_ATTRIBUTION, DEFAULT_COLUMNS } from '../core/report/definition';
import { byId, el, show } from './dom';

const LEVEL_NAMES: Record<string, string> = {
  AD_ACCOUNT: 'Ad account',
  CAMPAIGN: 'Campaign',
  AD_GROUP: 'Ad group',
  AD: 'Ad',
};
const GRANULARITY_NAMES: Record<string, string> = {
  DAY: 'Day',
  WEEK: 'Week',
  MONTH: 'Month',
  TOTAL: 'Whole range (one total)',
};
const PRESET_NAMES: Record<string, string> = {
  YESTERDAY: 'Yesterday',
  LAST_7_DAYS: 'Last 7 days',
  LAST_14_DAYS: 'Last 14 days',
  LAST_30_DAYS: 'Last 30 days',
  LAST_90_DAYS: 'Last 90 days',
  THIS_MONTH: 'This month',
  LAST_MONTH: 'Last month',
  CUSTOM: 'Custom range',
};
const CATEGORY_NAMES: Record<Category, string> = {
  attributes: 'Attributes',
  delivery: 'Delivery',
  clicks: 'Clicks',
  engagement: 'Engagement',
  cost: 'Cost',
  conversions: 'Conversions',
  conversion_value: 'Conversion value',
  video: 'Video',
  showcase: 'Showcase',
  quiz: 'Quiz',
  idea_pins: 'Idea Pins',
};

function options(select: HTMLSelectElement, values: readonly (string | number)[], names?: object) {
  const labels = (names ?? {}) as Record<string, string>;
  select.replaceChildren(
    ...values.map((value) => el('option', { value: String(value) }, labels[value] ?? `${value}`)),
  );
}

function checkbox(name: string, value: string, label: string, extra: string): HTMLLabelElement {
  return el(
    'label',
    { 'data-search': `${label} ${value} ${extra}`.toLowerCase() },
    el('input', { type: 'checkbox', name, value }),
    el('span', {}, label, el('span', { class: 'hint' }, ` ${extra}`)),
  );
}

/** Hides checklist rows that do not contain the search text. */
function filterList(search: HTMLInputElement, list: HTMLElement): void {
  search.addEventListener('input', () => {
    const needle = search.value.trim().toLowerCase();
    list.querySelectorAll<HTMLElement>('label[data-search]').forEach((row) => {
      show(row, !needle || (row.dataset.search ?? '').includes(needle));
    });
  });
}

function checked(list: HTMLElement): string[] {
  return [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
}

function check(list: HTMLElement, values: string[]): void {
  const wanted = new Set(values);
  list.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((box) => {
    box.checked = wanted.has(box.value);
  });
}

/** Builds the static parts of the form once. */
export function setUpForm(): void {
  options(byId('level'), Object.keys(LEVELS), LEVEL_NAMES);
  options(byId('granularity'), GRANULARITIES, GRANULARITY_NAMES);
  options(byId('datePreset'), DATE_PRESETS, PRESET_NAMES);
  const days = Object.fromEntries(WINDOW_DAYS.map((d) => [d, d === 1 ? '1 day' : `${d} days`]));
  for (const id of ['clickWindowDays', 'engagementWindowDays', 'viewWindowDays']) {
    options(byId(id), WINDOW_DAYS, days);
  }
  options(byId('conversionReportTime'), CONVERSION_REPORT_TIMES, {
    TIME_OF_AD_ACTION: 'ad action (Pinterest default)',
    TIME_OF_CONVERSION: 'conversion',
  });

  const fields = byId('fields');
  const byCategory = new Map<Category, HTMLElement[]>();
  for (const field of SYNC_FIELDS) {
    const row = checkbox('columns', field.column, field.label, field.column);
    byCategory.set(field.category, [...(byCategory.get(field.category) ?? []), row]);
  }
  for (const [category, rows] of byCategory) {
    fields.append(el('h3', {}, CATEGORY_NAMES[category]), ...rows);
  }
  fields.addEventListener('change', updateFieldCount);
  filterList(byId('field-search'), fields);
  filterList(byId('account-search'), byId('accounts'));

  byId('presets').append(
    ...FIELD_PRESETS.map((preset) => {
      const button = el('button', { type: 'button' }, preset.label);
      button.addEventListener('click', () => {
        check(fields, preset.columns);
        updateFieldCount();
      });
      return button;
    }),
  );
  byId<HTMLSelectElement>('datePreset').addEventListener('change', showCustomDates);
}

function updateFieldCount(): void {
  byId('field-count').textContent = `(${checked(byId('fields')).length} chosen)`;
}

function showCustomDates(): void {
  show(byId('custom-dates'), byId<HTMLSelectElement>('datePreset').value === 'CUSTOM');
}

export function showAccounts(accounts: AdAccount[]): void {
  byId('accounts').replaceChildren(
    ...accounts.map((account) =>
      checkbox(
        'adAccountIds',
        account.id,
        account.name || account.id,
        `${account.currency ?? ''} · ${account.id}`,
      ),
    ),
  );
}

/** Puts a report's settings (or a new report's defaults) into the form. */
export function fillForm(report: ReportDefinition | undefined, newTabName: string): void {
  byId('form-title').textContent = report ? 'Edit report' : 'New report';
  byId<HTMLInputElement>('tabName').value = report?.tabName ?? newTabName;
  check(byId('accounts'), report?.adAccountIds ?? []);
  byId<HTMLSelectElement>('level').value = report?.level ?? 'CAMPAIGN';
  check(byId('fields'), report?.columns ?? DEFAULT_COLUMNS);
  byId<HTMLSelectElement>('datePreset').value = report?.dateRange.preset ?? 'LAST_30_DAYS';
  byId<HTMLInputElement>('startDate').value = report?.dateRange.startDate ?? '';
  byId<HTMLInputElement>('endDate').value = report?.dateRange.endDate ?? '';
  byId<HTMLSelectElement>('granularity').value = report?.granularity ?? 'DAY';
  const attribution = report?.attribution ?? DEFAULT_ATTRIBUTION;
  for (const [key, value] of Object.entries(attribution)) {
    byId<HTMLSelectElement>(key).value = String(value);
  }
  // Settings that differ from Pinterest's defaults are shown, not tucked away.
  const custom = JSON.stringify(attribution) !== JSON.stringify(DEFAULT_ATTRIBUTION);
  byId<HTMLDetailsElement>('attribution-details').open = custom || Boolean(report?.lookbackDays);
  byId<HTMLInputElement>('lookbackDays').value = report?.lookbackDays?.toString() ?? '';
  updateFieldCount();
  showCustomDates();
}

/** The form's content as a report definition for the server to validate. */
export function readForm(id: string): unknown {
  const value = (fieldId: string) => byId<HTMLInputElement | HTMLSelectElement>(fieldId).value;
  const preset = value('datePreset');
  // Limitation: fields keep the catalog's order; a user's own order is not offered yet.
  return {
    id,
    tabName: value('tabName'),
    adAccountIds: checked(byId('accounts')),
    level: value('level'),
    columns: checked(byId('fields')),
    dateRange:
      preset === 'CUSTOM'
        ? { preset, startDate: value('startDate'), endDate: value('endDate') }
        : { preset },
    granularity: value('granularity'),
    ...(value('lookbackDays') ? { lookbackDays: Number(value('lookbackDays')) } : {}),
    attribution: {
      clickWindowDays: Number(value('clickWindowDays')),
      engagementWindowDays: Number(value('engagementWindowDays')),
      viewWindowDays: Number(value('viewWindowDays')),
      conversionReportTime: value('conversionReportTime'),
    },
  };
}

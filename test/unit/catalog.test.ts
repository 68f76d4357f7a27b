import { SYNC_FIELDS, findField, isAdditive } from '../../src/core/catalog/fields';
import { specSyncColumns } from '../support/openapi';

describe('field catalog', () => {
  it('lists exactly the spec’s synchronous columns, in the spec’s order', () => {
    expect(SYNC_FIELDS.map((field) => field.column)).toEqual(specSyncColumns());
  });

  it('has 175 fields, each with a label, a category and a unit', () => {
    expect(SYNC_FIELDS).toHaveLength(175);
    for (const field of SYNC_FIELDS) {
      expect(field.label.length).toBeGreaterThan(1);
      expect(field.category).toBeTruthy();
      expect(field.unit).toBeTruthy();
    }
  });

  it('gives every field a distinct label, since labels become column headers', () => {
    const labels = SYNC_FIELDS.map((field) => field.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('marks *_IN_MICRO_DOLLAR columns and the micro-unit spend caps as micro money, only', () => {
    for (const field of SYNC_FIELDS) {
      const micro = field.column.includes('MICRO_DOLLAR') || field.column.endsWith('_SPEND_CAP');
      expect([field.column, field.unit === 'money_micro']).toEqual([field.column, micro]);
    }
  });

  it('keeps ids as text', () => {
    expect(findField('CAMPAIGN_ID')?.unit).toBe('id');
    expect(findField('AD_ACCOUNT_ID')?.unit).toBe('id');
  });

  it('treats spend as additive and cost-per-click as not', () => {
    expect(isAdditive(findField('SPEND_IN_MICRO_DOLLAR')!)).toBe(true);
    expect(isAdditive(findField('CPC_IN_MICRO_DOLLAR')!)).toBe(false);
    expect(isAdditive(findField('CTR')!)).toBe(false);
  });

  it('answers undefined for a column the API does not offer', () => {
    expect(findField('SPEND_IN_YEN')).toBeUndefined();
  });
});

// Field presets offered in the sidebar: starting points a marketer can adjust.

export interface FieldPreset {
  id: string;
  label: string;
  columns: string[];
}

export const FIELD_PRESETS: FieldPreset[] = [
  {
    id: 'performance',
    label: 'Performance',
    columns: [
      'SPEND_IN_MICRO_DOLLAR',
      'PAID_IMPRESSION',
      'TOTAL_CLICKTHROUGH',
      'CTR',
      'CPC_IN_MICRO_DOLLAR',
      'CPM_IN_MICRO_DOLLAR',
      'TOTAL_ENGAGEMENT',
      'ENGAGEMENT_RATE',
      'OUTBOUND_CLICK_1',
    ],
  },
  {
    id: 'ecommerce',
    label: 'E-commerce',
    columns: [
      'SPEND_IN_MICRO_DOLLAR',
      'TOTAL_CLICKTHROUGH',
      'TOTAL_PAGE_VISIT',
      'TOTAL_ADD_TO_CART',
      'TOTAL_CHECKOUT',
      'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
      'CHECKOUT_ROAS',
      'TOTAL_CONVERSIONS',
    ],
  },
  {
    id: 'video',
    label: 'Video',
    columns: [
      'SPEND_IN_MICRO_DOLLAR',
      'PAID_IMPRESSION',
      'TOTAL_VIDEO_3SEC_VIEWS',
      'TOTAL_VIDEO_MRC_VIEWS',
      'TOTAL_VIDEO_P25_COMBINED',
      'TOTAL_VIDEO_P50_COMBINED',
      'TOTAL_VIDEO_P75_COMBINED',
      'TOTAL_VIDEO_P100_COMPLETE',
      'TOTAL_VIDEO_AVG_WATCHTIME_IN_SECOND',
      'CPV_IN_MICRO_DOLLAR',
    ],
  },
];

// Entity names for the generated world. Many are chosen to break naive handling: commas and
// quotes (CSV), leading = + - @ (spreadsheet formulas), emoji, right-to-left scripts, a date-like
// fraction and a long all-digit string that a sheet would turn into a number.

/** Every one of these is given to some campaign, whatever the seed. */
export const TRICKY_CAMPAIGN_NAMES: readonly string[] = [
  '=HYPERLINK("http://x")',
  'Spring Sale, Garden & Patio',
  '+1 promo',
  'The "Best" Summer Deals',
  '-20% sale',
  '🌷 Tulip Week 🌷',
  '@home',
  'تخفيضات الربيع',
  '3/4 Spring',
  'מבצע קיץ',
  '00012345678901234567',
];

export const PLAIN_CAMPAIGN_NAMES: readonly string[] = [
  'Evergreen Prospecting',
  'Holiday Retargeting',
  'Brand Awareness Q3',
  'Catalog Sales – Shoes',
  'Video Views Always-On',
  'Back to School',
  'Black Friday Push',
  'New Arrivals',
  'Clearance',
];

export const AD_GROUP_NAMES: readonly string[] = [
  'Women 25-34, US',
  'Interest: "Home Decor"',
  'Broad 🌍',
  'Lookalike 1%',
  '=1+1',
  'Retargeting 30d',
  'Keywords: garden, patio',
  'Actalike – buyers',
  '@creators',
  'جمهور واسع',
];

export const AD_NAMES: readonly string[] = [
  'Pin 🌼 #1',
  'Carousel, 3 cards',
  '"Quoted" creative',
  '-15% off banner',
  '+new arrivals',
  'עיצוב הבית',
  'Video 0:15',
  'Lifestyle shot',
  'Product close-up',
  '@mention collab',
  '1/2 price',
  'Idea Pin – recipes',
];

import { PinterestClient } from '../../src/core/pinterest/client';
import { errorFromResponse } from '../../src/core/pinterest/errors';
import { retryDelay, DEFAULT_RETRY_POLICY } from '../../src/core/pinterest/retry';
import { buildQuery } from '../../src/core/pinterest/query';
import type { HttpRequest, HttpResponse } from '../../src/ports';

/** An Http port that answers from a script of responses and records what was asked. */
function scriptedHttp(answers: HttpResponse[]) {
  const sent: HttpRequest[] = [];
  const next = (request: HttpRequest) => {
    sent.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${request.url}`);
    return answer;
  };
  return { sent, http: { fetch: next, fetchAll: (requests: HttpRequest[]) => requests.map(next) } };
}

const ok = (body: unknown): HttpResponse => ({
  status: 200,
  headers: {},
  body: JSON.stringify(body),
});

function clientWith(answers: HttpResponse[], refresh = () => true) {
  const { sent, http } = scriptedHttp(answers);
  const slept: number[] = [];
  let token = 'pina_first';
  const client = new PinterestClient({
    apiBase: 'https://api.pinterest.com/v5',
    http,
    tokens: {
      accessToken: () => token,
      refresh: () => {
        token = 'pina_second';
        return refresh();
      },
    },
    clock: { now: () => new Date('2026-12-04T12:00:00Z'), sleep: (ms) => void slept.push(ms) },
  });
  return { client, sent, slept };
}

describe('Pinterest client', () => {
  it('follows bookmarks until the last page, asking 250 a page', () => {
    const { client, sent } = clientWith([
      ok({ items: [{ id: '1' }], bookmark: 'b2' }),
      ok({ items: [{ id: '2' }], bookmark: null }),
    ]);
    expect(client.listAdAccounts().map((a) => a.id)).toEqual(['1', '2']);
    expect(sent[0].url).toContain('page_size=250');
    expect(sent[1].url).toContain('bookmark=b2');
  });

  it('asks for archived entities too', () => {
    const { client, sent } = clientWith([ok({ items: [], bookmark: null })]);
    client.listEntities('549755885175', 'CAMPAIGN');
    expect(sent[0].url).toContain(
      'entity_statuses=ACTIVE&entity_statuses=PAUSED&entity_statuses=ARCHIVED',
    );
  });

  it('sends the bearer token', () => {
    const { client, sent } = clientWith([ok({ items: [] })]);
    client.listAdAccounts();
    expect(sent[0].headers?.Authorization).toBe('Bearer pina_first');
  });

  it('waits as long as Retry-After says, then tries again', () => {
    const { client, slept } = clientWith([
      { status: 429, headers: { 'retry-after': '7' }, body: '{"code":8,"message":"Rate limited"}' },
      ok({ items: [{ id: '1' }] }),
    ]);
    expect(client.listAdAccounts()).toHaveLength(1);
    expect(slept).toEqual([7000]);
    expect(client.requestCount).toBe(2);
  });

  it('refreshes the token once on a 401 and retries with the new one', () => {
    const { client, sent } = clientWith([
      { status: 401, headers: {}, body: '{"code":2,"message":"Authentication failed."}' },
      ok({ items: [] }),
    ]);
    client.listAdAccounts();
    expect(sent[1].headers?.Authorization).toBe('Bearer pina_second');
  });

  it('reports TOKEN_EXPIRED when the refresh fails', () => {
    const { client } = clientWith(
      [{ status: 401, headers: {}, body: '{"code":2,"message":"Authentication failed."}' }],
      () => false,
    );
    expect(() => client.listAdAccounts()).toThrow(
      expect.objectContaining({ code: 'TOKEN_EXPIRED' }),
    );
  });

  it('retries after a network failure, then reports NETWORK when it persists', () => {
    let calls = 0;
    const client = new PinterestClient({
      apiBase: 'https://api.pinterest.com/v5',
      http: {
        fetch: () => {
          calls++;
          throw new Error('Address unavailable');
        },
        fetchAll: () => [],
      },
      tokens: { accessToken: () => 't', refresh: () => false },
      clock: { now: () => new Date(), sleep: () => undefined },
    });
    expect(() => client.listAdAccounts()).toThrow(expect.objectContaining({ code: 'NETWORK' }));
    expect(calls).toBe(4);
  });

  it('does not retry a request Pinterest rejected as invalid', () => {
    const { client } = clientWith([
      { status: 400, headers: {}, body: '{"code":1,"message":"Invalid parameters"}' },
    ]);
    expect(() => client.listAdAccounts()).toThrow(
      expect.objectContaining({ code: 'PINTEREST_REJECTED' }),
    );
  });
});

describe('pacing', () => {
  it('keeps every client of an execution under 300 requests a minute together', () => {
    // A clock of its own, years past the other tests', so their requests are long gone.
    let now = Date.parse('2031-01-01T00:00:00Z');
    const slept: number[] = [];
    const clock = {
      now: () => new Date(now),
      sleep: (ms: number) => {
        slept.push(ms);
        now += ms;
      },
    };
    const answer = ok({ items: [] });
    const client = () =>
      new PinterestClient({
        apiBase: 'https://api.pinterest.com/v5',
        http: { fetch: () => answer, fetchAll: (requests) => requests.map(() => answer) },
        tokens: { accessToken: () => 't', refresh: () => false },
        clock,
      });

    const first = client();
    for (let i = 0; i < 300; i++) first.listAdAccounts();
    expect(slept).toEqual([]);
    client().listAdAccounts();
    expect(slept).toEqual([60_000]);
  });
});

describe('analytics URLs', () => {
  it('always send the attribution windows and conversion report time explicitly', () => {
    const { client } = clientWith([]);
    const url = client.analyticsUrl({
      adAccountId: '549755885175',
      level: 'CAMPAIGN',
      ids: ['1', '2'],
      startDate: '2026-11-04',
      endDate: '2026-12-03',
      columns: ['SPEND_IN_MICRO_DOLLAR', 'CTR'],
      granularity: 'DAY',
      attribution: {
        clickWindowDays: 30,
        engagementWindowDays: 30,
        viewWindowDays: 1,
        conversionReportTime: 'TIME_OF_AD_ACTION',
      },
    });
    expect(url).toBe(
      'https://api.pinterest.com/v5/ad_accounts/549755885175/campaigns/analytics' +
        '?start_date=2026-11-04&end_date=2026-12-03&columns=SPEND_IN_MICRO_DOLLAR,CTR' +
        '&granularity=DAY&click_window_days=30&engagement_window_days=30&view_window_days=1' +
        '&conversion_report_time=TIME_OF_AD_ACTION&campaign_ids=1&campaign_ids=2',
    );
  });
});

describe('error classification', () => {
  it('treats a 400 asking to retry later as throttling, with its wait', () => {
    const error = errorFromResponse(
      {
        status: 400,
        headers: {},
        body: '{"code":1,"message":"Too many requests. Retry after 30 seconds."}',
      },
      'ad account 1',
    );
    expect([error.code, error.retryAfterSeconds]).toEqual(['RATE_LIMITED', 30]);
  });

  it('tells the user what to do about a 403', () => {
    const error = errorFromResponse(
      { status: 403, headers: {}, body: '{"code":29,"message":"no"}' },
      'ad account 7',
    );
    expect(error.message).toMatch(/ad account 7.*Admin, Analyst or Campaign Manager/);
  });

  it('gives up on a wait longer than a run can afford', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, 3600)).toBeUndefined();
  });

  it('backs off exponentially with jitter', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 1, undefined, () => 1)).toBe(1000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, 3, undefined, () => 0)).toBe(2000);
  });
});

describe('query strings', () => {
  it('repeats the key of an id array and comma-joins columns', () => {
    expect(buildQuery({ campaign_ids: ['1', '2'], columns: 'A,B', bookmark: undefined })).toBe(
      '?campaign_ids=1&campaign_ids=2&columns=A,B',
    );
  });
});

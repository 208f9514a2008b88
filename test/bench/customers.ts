// The benchmark workload: generated customers and the seed article's health score (five weighted, banded
// indicators), a three-level tier and an at-risk flag, written once as JSONLogic and once as hand-written TypeScript.

export const DAY_MS = 86_400_000;
/** The scan's clock: 2026-11-22T00:00:00Z. */
export const NOW = Date.UTC(2026, 10, 22);

export interface Customer {
  /** Average logins per day over the last 30 days. */
  loginsPerDay: number;
  /** Complaints in the last 90 days. */
  complaints: number;
  /** Month-over-month change in spend, in percent. */
  spendTrend: number;
  /** Community interactions in the last 30 days. */
  interactions: number;
  /** New customers referred this year. */
  referrals: number;
  /** Epoch ms of the last login. */
  lastLoginAt: number;
  /** Filled in by the score rule, read by the tier and risk rules (a materialized computed field). */
  score: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function generateCustomers(count: number, seed = 42): Customer[] {
  const next = random(seed);
  const customers: Customer[] = [];
  for (let index = 0; index < count; index++) {
    customers.push({
      loginsPerDay: Math.round(next() * 60) / 10,
      complaints: Math.floor(next() * next() * 6),
      spendTrend: Math.round((next() - 0.5) * 400) / 10,
      interactions: Math.floor(next() * 10),
      referrals: next() < 0.3 ? 1 + Math.floor(next() * 3) : 0,
      lastLoginAt: NOW - Math.floor(next() * 20 * DAY_MS),
      score: 0,
    });
  }
  return customers;
}

const band = (high: unknown, middle: unknown): unknown => ({
  if: [high, 100, middle, 60, 20],
});
const read = (name: string): unknown => ({ var: name });

/** Health score 0–100: usage 30 %, complaints 20 %, spend trend 20 %, engagement 15 %, referrals 15 %. */
export const SCORE_RULE = {
  '+': [
    { '*': [band({ '>': [read('loginsPerDay'), 3] }, { '>=': [read('loginsPerDay'), 1] }), 0.3] },
    { '*': [band({ '==': [read('complaints'), 0] }, { '<=': [read('complaints'), 2] }), 0.2] },
    { '*': [band({ '>': [read('spendTrend'), 5] }, { '>=': [read('spendTrend'), -5] }), 0.2] },
    { '*': [band({ '>=': [read('interactions'), 5] }, { '>=': [read('interactions'), 1] }), 0.15] },
    { '*': [{ if: [{ '>=': [read('referrals'), 1] }, 100, 20] }, 0.15] },
  ],
};

export const TIER_RULE = {
  if: [{ '>=': [read('score'), 80] }, 'High', { '>=': [read('score'), 50] }, 'Medium', 'Low'],
};

/** At risk: no login for 7 days, or a score below 40. */
export const RISK_RULE = {
  or: [{ '>=': [{ '-': [NOW, read('lastLoginAt')] }, 7 * DAY_MS] }, { '<': [read('score'), 40] }],
};

export function nativeScore(c: Customer): number {
  const usage = c.loginsPerDay > 3 ? 100 : c.loginsPerDay >= 1 ? 60 : 20;
  const complaints = c.complaints === 0 ? 100 : c.complaints <= 2 ? 60 : 20;
  const spend = c.spendTrend > 5 ? 100 : c.spendTrend >= -5 ? 60 : 20;
  const engagement = c.interactions >= 5 ? 100 : c.interactions >= 1 ? 60 : 20;
  const referrals = c.referrals >= 1 ? 100 : 20;
  return 0 + usage * 0.3 + complaints * 0.2 + spend * 0.2 + engagement * 0.15 + referrals * 0.15;
}

export function nativeTier(c: Customer): string {
  return c.score >= 80 ? 'High' : c.score >= 50 ? 'Medium' : 'Low';
}

export function nativeRisk(c: Customer): boolean {
  return NOW - c.lastLoginAt >= 7 * DAY_MS || c.score < 40;
}

/** The same three rules as formula text, the way a user types them in the field editor. */
export const SCORE_FORMULA = [
  'IF({loginsPerDay} > 3, 100, IF({loginsPerDay} >= 1, 60, 20)) * 0.3',
  'IF({complaints} = 0, 100, IF({complaints} <= 2, 60, 20)) * 0.2',
  'IF({spendTrend} > 5, 100, IF({spendTrend} >= -5, 60, 20)) * 0.2',
  'IF({interactions} >= 5, 100, IF({interactions} >= 1, 60, 20)) * 0.15',
  'IF({referrals} >= 1, 100, 20) * 0.15',
].join(' + ');
export const TIER_FORMULA = 'IF({score} >= 80, "High", IF({score} >= 50, "Medium", "Low"))';
export const RISK_FORMULA = 'OR(TODAY() - {lastLoginAt} >= 7, {score} < 40)';

/** Field list for the formulas: lastLoginAt is a date field (stored as epoch ms). */
export const FORMULA_FIELDS = [
  { id: 'loginsPerDay', name: 'loginsPerDay', kind: 'number' },
  { id: 'complaints', name: 'complaints', kind: 'number' },
  { id: 'spendTrend', name: 'spendTrend', kind: 'number' },
  { id: 'interactions', name: 'interactions', kind: 'number' },
  { id: 'referrals', name: 'referrals', kind: 'number' },
  { id: 'lastLoginAt', name: 'lastLoginAt', kind: 'date' },
  { id: 'score', name: 'score', kind: 'formula', resultType: 'number' as const },
];
